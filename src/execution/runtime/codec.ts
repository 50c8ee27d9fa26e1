import { camundaVariableCodec } from '../variables/plain.js';
import type { VariableCodec } from './VariableCodec.js';

/** The codec the runtime uses: Camunda's serializers and value inference. */
export const defaultCodec: VariableCodec = camundaVariableCodec;
