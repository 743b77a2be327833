// Placeholder until the vitest layer lands on main: vitest.config.ts lists this file as the unit setup file.
export {};
