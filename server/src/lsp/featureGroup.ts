// A handler group: one file per group of protocol features. The server merges their capabilities
// into the initialize answer and lets each register its handlers.

import type { InitializeParams, ServerCapabilities } from 'vscode-languageserver';
import type { ServerContext } from './context';

export interface FeatureGroup {
  capabilities(params: InitializeParams, ctx: ServerContext): ServerCapabilities;
  register(ctx: ServerContext): void;
}
