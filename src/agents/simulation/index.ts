export {
  createSimulationBackend,
  simulatedResponse,
  type SimulationBackend,
  type SimulationBackendOptions,
  type ScriptedResponse,
} from './simulation-backend.js';
export { readSimAttributes, simulatedStatusFor, type SimAttributes } from './sim-attributes.js';
