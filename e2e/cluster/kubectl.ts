/** Thin wrappers over the harness's own kubectl binary (built with the control plane). */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export class Kubectl {
  readonly binary: string;
  readonly kubeconfig: string;
  constructor(binary: string, kubeconfig: string) {
    this.binary = binary;
    this.kubeconfig = kubeconfig;
  }

  /** Runs kubectl and returns stdout; throws with kubectl's stderr on failure. */
  run(args: string[], input?: string): string {
    try {
      return execFileSync(this.binary, ['--kubeconfig', this.kubeconfig, ...args], {
        input,
        encoding: 'utf8',
        stdio: ['pipe', 'pipe', 'pipe'],
        maxBuffer: 256 * 1024 * 1024,
      });
    } catch (e) {
      const err = e as { stderr?: string; message: string };
      throw new Error(`kubectl ${args.join(' ')}: ${(err.stderr ?? err.message).trim()}`);
    }
  }

  async runAsync(args: string[]): Promise<string> {
    const { stdout } = await execFileAsync(this.binary, ['--kubeconfig', this.kubeconfig, ...args], { maxBuffer: 256 * 1024 * 1024 });
    return stdout;
  }

  /** Like run() but returns undefined instead of throwing. */
  tryRun(args: string[], input?: string): string | undefined {
    try {
      return this.run(args, input);
    } catch {
      return undefined;
    }
  }

  json<T>(args: string[]): T {
    return JSON.parse(this.run([...args, '-o', 'json'])) as T;
  }

  apply(manifest: string): void {
    this.run(['apply', '--server-side', '--force-conflicts', '--field-manager=kube-posture-cluster', '-f', '-'], manifest);
  }
}
