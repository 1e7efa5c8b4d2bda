import test from 'node:test';
import assert from 'node:assert/strict';
import { shortestPath } from './grid-bfs.mjs';

const maze = [
  '..#....',
  '.##.##.',
  '...#...',
  '.#...#.',
];

test('finds the shortest number of steps around walls', () => {
  const result = shortestPath(maze, [0, 0], [0, 6]);
  assert.equal(result.steps, 12);
  assert.deepEqual(result.path[0], [0, 0]);
  assert.deepEqual(result.path.at(-1), [0, 6]);
});

test('every step in the path moves to an adjacent open cell', () => {
  const { path } = shortestPath(maze, [0, 0], [3, 6]);
  for (let i = 1; i < path.length; i++) {
    const [r1, c1] = path[i - 1];
    const [r2, c2] = path[i];
    assert.equal(Math.abs(r1 - r2) + Math.abs(c1 - c2), 1);
    assert.notEqual(maze[r2][c2], '#');
  }
});

test('start equal to goal is zero steps', () => {
  assert.equal(shortestPath(maze, [2, 0], [2, 0]).steps, 0);
});

test('returns null when the goal is unreachable or blocked', () => {
  const walled = ['.#.', '##.', '...'];
  assert.equal(shortestPath(walled, [0, 0], [2, 2]), null);
  assert.equal(shortestPath(maze, [0, 0], [0, 2]), null);
});

test('handles a large open grid quickly', () => {
  const big = Array.from({ length: 500 }, () => '.'.repeat(500));
  assert.equal(shortestPath(big, [0, 0], [499, 499]).steps, 998);
});
