import type * as vscode from 'vscode';
import { Redactor } from './redact';

type Level = 'trace' | 'debug' | 'info' | 'warn' | 'error';

/** The part of vscode.LogOutputChannel the logger writes to. */
export type LogSink = Pick<vscode.LogOutputChannel, Level | 'show'>;

const RECENT_LINES = 500;

/**
 * The only way the extension logs. Every line is redacted before it reaches the channel,
 * and the last lines are kept so tests can check what the channel received.
 */
export class Logger {
  private readonly recent: string[] = [];

  constructor(
    private readonly sink: LogSink,
    readonly redactor: Redactor,
  ) {}

  trace(message: string): void { this.write('trace', message); }
  debug(message: string): void { this.write('debug', message); }
  info(message: string): void { this.write('info', message); }
  warn(message: string): void { this.write('warn', message); }
  error(message: string): void { this.write('error', message); }

  show(): void {
    this.sink.show(true);
  }

  get recentLines(): readonly string[] {
    return this.recent;
  }

  private write(level: Level, message: string): void {
    const line = this.redactor.redact(message);
    this.recent.push(`[${level}] ${line}`);
    if (this.recent.length > RECENT_LINES) {
      this.recent.shift();
    }
    this.sink[level](line);
  }
}
