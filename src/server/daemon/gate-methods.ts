import type { AnyRpcMethod } from '../rpc/index.js';

/**
 * The same methods, each answering only once `ready` has settled, except those named in `ungated`.
 * The daemon serves its socket before it has recovered the agents a previous daemon left (only the
 * daemon that won the socket may recover them), and a call arriving in between must not act on a
 * task without its agent: a `start` would launch a second one beside the one recovery resumes.
 * Reading is safe meanwhile, and keeps `status` quick while recovery waits on a slow orphan.
 */
export function gateMethods(ready: Promise<unknown>, methods: AnyRpcMethod[], ungated: readonly string[] = []): AnyRpcMethod[] {
  const settled = ready.then(
    () => undefined,
    () => undefined,
  );
  return methods.map((method) => (ungated.includes(method.name) ? method : gated(settled, method)));
}

function gated(settled: Promise<void>, method: AnyRpcMethod): AnyRpcMethod {
  return {
    ...method,
    handle: async function gatedHandle(params, call) {
      await settled;
      return method.handle(params, call);
    },
  };
}
