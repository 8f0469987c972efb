/** How each handler kind is drawn: its spec shape and a fill that tells kinds apart at a glance. */
export interface NodeStyle {
  shape: string;
  fillcolor: string;
  style: string;
}

export const NODE_STYLES: Readonly<Record<string, NodeStyle>> = {
  start: { shape: 'Mdiamond', fillcolor: '#c8e6c9', style: 'filled' },
  exit: { shape: 'Msquare', fillcolor: '#ffcdd2', style: 'filled' },
  codergen: { shape: 'box', fillcolor: '#e3f2fd', style: 'filled,rounded' },
  'wait.human': { shape: 'hexagon', fillcolor: '#fff59d', style: 'filled' },
  conditional: { shape: 'diamond', fillcolor: '#e1bee7', style: 'filled' },
  parallel: { shape: 'component', fillcolor: '#ffe0b2', style: 'filled' },
  'parallel.fan_in': { shape: 'tripleoctagon', fillcolor: '#ffccbc', style: 'filled' },
  tool: { shape: 'parallelogram', fillcolor: '#cfd8dc', style: 'filled' },
  'stack.manager_loop': { shape: 'house', fillcolor: '#d1c4e9', style: 'filled' },
};

/** Handlers registered at run time: drawn as a box with a dashed outline. */
export const CUSTOM_NODE_STYLE: NodeStyle = { shape: 'box', fillcolor: '#ffffff', style: 'filled,dashed' };

export function nodeStyleFor(handlerType: string): NodeStyle {
  return NODE_STYLES[handlerType] ?? CUSTOM_NODE_STYLE;
}
