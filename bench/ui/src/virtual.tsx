import { startBench } from './start.tsx';

startBench('virtual');
