// A plain require, not `import * as`: esbuild.js says why.
import vscode = require('vscode');
import type { ToolEnvironment } from './runTool';
import type * as ToolCalls from './toolCalls';
import { TOOL_NAMES } from './toolNames';

/** What a tool call needs once the extension has started: its environment and the tools' code. */
export interface AgentToolsRuntime {
  readonly environment: ToolEnvironment;
  readonly calls: typeof ToolCalls;
}

/**
 * Registers the tools with VS Code's language model API, by name, at activation: VS Code
 * activates the extension for a tool's first call and expects its implementation registered
 * when activation returns. They only read, so none asks for confirmation; the chat shows which
 * account each one reads while it runs. `runtime` starts the extension and loads the tools' code.
 */
export function registerAgentTools(
  runtime: () => Promise<AgentToolsRuntime>,
  names: readonly string[] = Object.values(TOOL_NAMES),
): vscode.Disposable[] {
  return names.map((name) => vscode.lm.registerTool<unknown>(name, {
    prepareInvocation: async (options) => {
      const { calls, environment } = await runtime();
      return { invocationMessage: calls.invocationMessageOf(name, options.input, environment) };
    },
    invoke: async (options, token) => {
      const { calls, environment } = await runtime();
      return calls.invokeTool(name, options.input, environment, token);
    },
  }));
}
