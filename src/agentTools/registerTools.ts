import * as vscode from 'vscode';
import type { ToolEnvironment } from './runTool';
import type * as ToolCalls from './toolCalls';
import { TOOL_NAMES } from './toolNames';

/**
 * Registers the tools with VS Code's language model API, by name. They only read, so none asks
 * for confirmation; the chat shows which account each one reads while it runs. Their code
 * (`loadToolCalls`) is loaded with the first call, not with the extension.
 */
export function registerAgentTools(
  environment: ToolEnvironment,
  loadToolCalls: () => Promise<typeof ToolCalls>,
  names: readonly string[] = Object.values(TOOL_NAMES),
): vscode.Disposable[] {
  return names.map((name) => vscode.lm.registerTool<unknown>(name, {
    prepareInvocation: async (options) => ({ invocationMessage: (await loadToolCalls()).invocationMessageOf(name, options.input, environment) }),
    invoke: async (options, token) => (await loadToolCalls()).invokeTool(name, options.input, environment, token),
  }));
}
