// Wraps sigma's node and edge programs so drawn size, fade and gate come from a state texture (see graph/gpu-state.ts).
import type Sigma from 'sigma';
import type { EdgeProgramType, NodeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { STATE_GLSL_CULL, STATE_GLSL_HEAD, STATE_GLSL_READ, type StateTexels } from '../graph/gpu-state';

interface ProgramInfo {
  readonly gl: WebGLRenderingContext;
  readonly uniformLocations: Record<string, WebGLUniformLocation>;
}
interface Attribute {
  readonly name: string;
  readonly size: number;
  readonly type: number;
}
interface Definition {
  readonly VERTEX_SHADER_SOURCE: string;
  readonly UNIFORMS: readonly string[];
  readonly ATTRIBUTES: readonly Attribute[];
}
/** What the wrappers use of a sigma program (sigma's types declare these abstract on the base classes). */
interface ConcreteProgram {
  readonly array: Float32Array;
  getDefinition(): Definition;
  setUniforms(params: RenderParams, info: ProgramInfo): void;
}
interface ConcreteNodeProgram extends ConcreteProgram {
  processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void;
}
interface ConcreteEdgeProgram extends ConcreteProgram {
  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    source: NodeDisplayData,
    target: NodeDisplayData,
    data: EdgeDisplayData,
  ): void;
}
type ProgramClass<P> = new (gl: WebGLRenderingContext, pick: WebGLFramebuffer | null, renderer: Sigma) => P;

// WebGL enums as numbers: the pure helpers here also run in Node, which has no WebGLRenderingContext.
const GL_FLOAT = 0x1406;
const GL_UNSIGNED_BYTE = 0x1401;

/** Where attribute `name` starts in an item's floats (sigma packs a normalised byte vector into one float). */
export function attributeOffset(attributes: readonly Attribute[], name: string): number {
  let offset = 0;
  for (const a of attributes) {
    if (a.name === name) return offset;
    offset += a.type === GL_UNSIGNED_BYTE ? 1 : a.size;
  }
  throw new Error(`atlas: no attribute ${name} in the program`);
}

/** Puts `head` before the shader, `read` first in `main`, `tail` last in it, after applying `replace`. */
export function patchShader(
  source: string,
  parts: { head: string; read: string; tail: string; replace: readonly (readonly [string, string])[] },
): string {
  const open = source.indexOf('void main()');
  const brace = open < 0 ? -1 : source.indexOf('{', open);
  const end = source.lastIndexOf('}');
  if (brace < 0 || end < brace) throw new Error('atlas: vertex shader without a main function');
  let body = source.slice(brace + 1, end);
  for (const [from, to] of parts.replace) {
    if (!body.includes(from)) throw new Error(`atlas: vertex shader lacks "${from}" (sigma changed?)`);
    body = body.split(from).join(to);
  }
  return parts.head + source.slice(0, brace + 1) + parts.read + body + parts.tail + source.slice(end);
}

interface TextureEntry {
  readonly texture: WebGLTexture;
  version: number;
  width: number;
  height: number;
}
const textures = new WeakMap<WebGLRenderingContext, WeakMap<StateTexels, TextureEntry>>();

/** Binds `texels` on unit 0 of `gl`, uploading them when they changed since this context last did. */
export function bindStateTexture(gl: WebGLRenderingContext, texels: StateTexels): void {
  let perContext = textures.get(gl);
  if (!perContext) textures.set(gl, (perContext = new WeakMap()));
  let entry = perContext.get(texels);
  gl.activeTexture(gl.TEXTURE0);
  if (!entry) {
    const texture = gl.createTexture();
    if (!texture) throw new Error('atlas: could not create the state texture');
    entry = { texture, version: -1, width: 0, height: 0 };
    perContext.set(texels, entry);
    gl.bindTexture(gl.TEXTURE_2D, texture);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
    gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  } else gl.bindTexture(gl.TEXTURE_2D, entry.texture);
  if (entry.version === texels.version) return;
  gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_PREMULTIPLY_ALPHA_WEBGL, false);
  gl.pixelStorei(gl.UNPACK_ALIGNMENT, 4);
  const { width, height, bytes } = texels;
  if (entry.width === width && entry.height === height)
    gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, width, height, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
  else gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, bytes);
  entry.version = texels.version;
  entry.width = width;
  entry.height = height;
}

const INDEX_ATTRIBUTE: Attribute = { name: 'a_atlasIndex', size: 1, type: GL_FLOAT };

/** The item's index as the reducers write it (`slot`); items without one are drawn by nothing. */
function slotOf(data: { readonly slot?: unknown }): number {
  return typeof data.slot === 'number' ? data.slot + 1 : 0;
}

const FADED_UNIFORM = 'uniform vec4 u_atlasFaded;\n';

function setStateUniforms(
  info: ProgramInfo,
  texels: StateTexels,
  [r, g, b, a]: readonly [number, number, number, number],
): void {
  bindStateTexture(info.gl, texels);
  info.gl.uniform1i(info.uniformLocations.u_atlasState!, 0);
  info.gl.uniform2f(info.uniformLocations.u_atlasStateSize!, texels.width, texels.height);
  info.gl.uniform4f(info.uniformLocations.u_atlasFaded!, r, g, b, a);
}

/** GLSL for node and edge programs (both end by setting `v_color` and have sigma's `bias`): the fade colour when the
 * texel's flag is set. */
const FADE_GLSL = `
  #ifndef PICKING_MODE
  if (atlasTexel.g > 0.5) v_color = vec4(u_atlasFaded.rgb, u_atlasFaded.a * bias);
  #endif
`;

/**
 * `Base` (sigma's NodeCircleProgram or one with the same `a_size` attribute) drawing each node at the size in its
 * texel, culled when that is 0, in `faded()` (RGBA 0–1) when its flag is set.
 */
export function withNodeState(
  Base: NodeProgramType,
  texels: () => StateTexels,
  faded: () => readonly [number, number, number, number],
): NodeProgramType {
  const Parent = Base as unknown as ProgramClass<ConcreteNodeProgram>;
  let at = -1;
  class NodeStateProgram extends Parent {
    override getDefinition(): Definition {
      const def = super.getDefinition();
      return {
        ...def,
        VERTEX_SHADER_SOURCE: patchShader(def.VERTEX_SHADER_SOURCE, {
          head: STATE_GLSL_HEAD + FADED_UNIFORM,
          read: STATE_GLSL_READ,
          tail: STATE_GLSL_CULL + FADE_GLSL,
          replace: [['a_size', 'atlasValue']],
        }),
        UNIFORMS: [...def.UNIFORMS, 'u_atlasState', 'u_atlasStateSize', 'u_atlasFaded'],
        ATTRIBUTES: [...def.ATTRIBUTES, INDEX_ATTRIBUTE],
      };
    }

    override processVisibleItem(nodeIndex: number, startIndex: number, data: NodeDisplayData): void {
      super.processVisibleItem(nodeIndex, startIndex, data);
      if (at < 0) at = attributeOffset(this.getDefinition().ATTRIBUTES, INDEX_ATTRIBUTE.name);
      this.array[startIndex + at] = slotOf(data as NodeDisplayData & { slot?: number });
    }

    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      setStateUniforms(info, texels(), faded());
    }
  }
  return NodeStateProgram as unknown as NodeProgramType;
}

/** Where instanced edge programs take their thickness; the texel's factor multiplies it. */
const THICKNESS_PATCHES: readonly (readonly [string, string])[] = [
  // sigma's EdgeRectangleProgram: thickness is the length of a_normal.
  ['vec2 normal = a_normal * a_normalCoef;', 'vec2 normal = a_normal * a_normalCoef * atlasValue;'],
  // @sigma/edge-curve.
  ['a_thickness / u_sizeRatio', 'a_thickness * atlasValue / u_sizeRatio'],
];

/** `Base` (an edge program with one of THICKNESS_PATCHES) gated, widened and faded (`faded()`) by each edge's texel. */
export function withEdgeState(
  Base: EdgeProgramType,
  texels: () => StateTexels,
  faded: () => readonly [number, number, number, number],
): EdgeProgramType {
  const Parent = Base as unknown as ProgramClass<ConcreteEdgeProgram>;
  let at = -1;
  class EdgeStateProgram extends Parent {
    override getDefinition(): Definition {
      const def = super.getDefinition();
      const source = def.VERTEX_SHADER_SOURCE;
      const replace = THICKNESS_PATCHES.filter(([from]) => source.includes(from));
      if (replace.length !== 1) throw new Error('atlas: edge program without a known thickness (sigma changed?)');
      return {
        ...def,
        VERTEX_SHADER_SOURCE: patchShader(source, {
          head: STATE_GLSL_HEAD + FADED_UNIFORM,
          read: STATE_GLSL_READ,
          tail: STATE_GLSL_CULL + FADE_GLSL,
          replace,
        }),
        UNIFORMS: [...def.UNIFORMS, 'u_atlasState', 'u_atlasStateSize', 'u_atlasFaded'],
        ATTRIBUTES: [...def.ATTRIBUTES, INDEX_ATTRIBUTE],
      };
    }

    override processVisibleItem(
      edgeIndex: number,
      startIndex: number,
      source: NodeDisplayData,
      target: NodeDisplayData,
      data: EdgeDisplayData,
    ): void {
      super.processVisibleItem(edgeIndex, startIndex, source, target, data);
      if (at < 0) at = attributeOffset(this.getDefinition().ATTRIBUTES, INDEX_ATTRIBUTE.name);
      this.array[startIndex + at] = slotOf(data as EdgeDisplayData & { slot?: number });
    }

    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      setStateUniforms(info, texels(), faded());
    }
  }
  return EdgeStateProgram as unknown as EdgeProgramType;
}
