// Breadth-first search gives the shortest path when every step costs the same.
// The grid is an array of strings: '#' is a wall, anything else is open.

// --8<-- [start:bfs]
const MOVES = [[1, 0], [-1, 0], [0, 1], [0, -1]];

export function shortestPath(grid, [startRow, startCol], [goalRow, goalCol]) {
  const rows = grid.length;
  const cols = rows ? grid[0].length : 0;
  const open = (r, c) => r >= 0 && r < rows && c >= 0 && c < cols && grid[r][c] !== '#';
  if (!open(startRow, startCol) || !open(goalRow, goalCol)) return null;

  // One entry per grid cell: -1 = unvisited, otherwise the cell we came from.
  const parent = new Int32Array(rows * cols).fill(-1);
  const start = startRow * cols + startCol;
  const goal = goalRow * cols + goalCol;
  parent[start] = start;

  // A plain array plus a head index: queue.shift() would be O(n) per call.
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head];
    if (cell === goal) break;
    const r = Math.floor(cell / cols);
    const c = cell % cols;
    for (const [dr, dc] of MOVES) {
      const nr = r + dr;
      const nc = c + dc;
      const next = nr * cols + nc;
      // Mark visited when enqueuing, not when dequeuing, or cells enter the queue twice.
      if (open(nr, nc) && parent[next] === -1) {
        parent[next] = cell;
        queue.push(next);
      }
    }
  }
  if (parent[goal] === -1) return null;

  const path = [];
  for (let cell = goal; ; cell = parent[cell]) {
    path.push([Math.floor(cell / cols), cell % cols]);
    if (cell === start) break;
  }
  path.reverse();
  return { steps: path.length - 1, path };
}
// --8<-- [end:bfs]
