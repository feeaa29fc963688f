import * as vscode from 'vscode';
import { AgentTool } from './agentTool';
import { AGENT_TOOLS } from './agentTools';
import { invocationMessage, runTool, ToolEnvironment } from './runTool';
import { ToolCancelled } from './toolProblem';

function toolNamed(name: string): AgentTool {
  const tool = AGENT_TOOLS.find((candidate) => candidate.name === name);
  if (!tool) {
    throw new Error(`No language model tool is named ${name}.`);
  }
  return tool;
}

/** The message the chat shows while the tool of this name runs. */
export function invocationMessageOf(name: string, input: unknown, environment: ToolEnvironment): string {
  return invocationMessage(toolNamed(name), input, environment);
}

/** One call of the tool of this name, as VS Code's language model API wants its result. */
export async function invokeTool(name: string, input: unknown, environment: ToolEnvironment, token: vscode.CancellationToken): Promise<vscode.LanguageModelToolResult> {
  try {
    const output = await runTool(toolNamed(name), input, environment, token);
    return new vscode.LanguageModelToolResult(output.parts.map((part) => new vscode.LanguageModelTextPart(part)));
  } catch (error) {
    throw error instanceof ToolCancelled ? new vscode.CancellationError() : error;
  }
}
