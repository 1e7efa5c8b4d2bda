// The unit under test: a signup service. Every collaborator is injected, so a
// test decides what the repository, the mailer, the clock and the logger are.

import { DuplicateEmailError } from './user-repo.mjs';

export class ValidationError extends Error {
  name = 'ValidationError';
}

export class EmailTakenError extends Error {
  name = 'EmailTakenError';
}

// --8<-- [start:service]
export function createSignupService({ users, mailer, clock = () => new Date(), logger = console }) {
  return {
    async signup({ email, name }) {
      const normalized = String(email ?? '').trim().toLowerCase();
      if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(normalized)) throw new ValidationError('invalid email');
      if (!name?.trim()) throw new ValidationError('name is required');

      // A friendly early check; the unique constraint below is the real guard.
      if (await users.findByEmail(normalized)) throw new EmailTakenError(normalized);

      let user;
      try {
        user = await users.insert({ email: normalized, name: name.trim(), createdAt: clock().toISOString() });
      } catch (err) {
        // Two concurrent signups can both pass the check above; the database decides.
        if (err instanceof DuplicateEmailError) throw new EmailTakenError(normalized, { cause: err });
        throw err;
      }

      try {
        await mailer.send({ to: user.email, template: 'welcome', data: { name: user.name } });
      } catch (err) {
        // The account exists; a failed welcome email must not turn signup into an error.
        logger.warn({ err, userId: user.id }, 'welcome email failed');
      }
      return user;
    },
  };
}
// --8<-- [end:service]
