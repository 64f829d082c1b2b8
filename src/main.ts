import SpecWorkflowPlugin from './plugin/spec-workflow-plugin';

export default SpecWorkflowPlugin;
