import * as vscode from 'vscode';
import { AgentTool } from './agentTool';
import { AGENT_TOOLS } from './agentTools';
import { invocationMessage, runTool, ToolEnvironment } from './runTool';
import { ToolCancelled } from './toolProblem';

/**
 * Registers the tools with VS Code's language model API. They only read, so none asks for
 * confirmation; the chat shows which account each one reads while it runs.
 */
export function registerAgentTools(environment: ToolEnvironment, tools: readonly AgentTool[] = AGENT_TOOLS): vscode.Disposable[] {
  return tools.map((tool) => vscode.lm.registerTool<unknown>(tool.name, {
    prepareInvocation: (options) => ({ invocationMessage: invocationMessage(tool, options.input, environment) }),
    invoke: async (options, token) => {
      try {
        const output = await runTool(tool, options.input, environment, token);
        return new vscode.LanguageModelToolResult(output.parts.map((part) => new vscode.LanguageModelTextPart(part)));
      } catch (error) {
        throw error instanceof ToolCancelled ? new vscode.CancellationError() : error;
      }
    },
  }));
}
