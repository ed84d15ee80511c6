import { startBench } from './start.tsx';

startBench('baseline');
