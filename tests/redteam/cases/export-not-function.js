export const f = 0.01;
