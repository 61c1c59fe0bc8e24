// Wraps a sigma edge program so the time window culls edges on the GPU: a per-edge period attribute, a window uniform.
import type Sigma from 'sigma';
import type { EdgeProgram, EdgeProgramType } from 'sigma/rendering';
import type { EdgeDisplayData, NodeDisplayData, RenderParams } from 'sigma/types';
import { attributeOffset } from './state-programs';
import { edgeSpan, SPAN_GLSL_HEAD, SPAN_GLSL_TAIL, type TimeUniform } from '../graph/time-filter';

type ProgramInfo = Parameters<EdgeProgram['setUniforms']>[1];
type Definition = ReturnType<EdgeProgram['getDefinition']>;
/** What the wrapper uses of an instanced edge program (sigma's types declare these abstract on the base class). */
interface ConcreteEdgeProgram {
  readonly array: Float32Array;
  getDefinition(): Definition;
  processVisibleItem(
    edgeIndex: number,
    startIndex: number,
    sourceData: NodeDisplayData,
    targetData: NodeDisplayData,
    data: EdgeDisplayData,
  ): void;
  setUniforms(params: RenderParams, info: ProgramInfo): void;
}
type ConcreteEdgeProgramClass = new (
  gl: WebGLRenderingContext,
  pick: WebGLFramebuffer | null,
  renderer: Sigma,
) => ConcreteEdgeProgram;

/** Adds the span test to the end of a vertex shader's `main`. */
export function patchVertexShader(source: string): string {
  const end = source.lastIndexOf('}');
  if (end < 0) throw new Error('atlas: edge vertex shader without a main function');
  return SPAN_GLSL_HEAD + source.slice(0, end) + SPAN_GLSL_TAIL + source.slice(end);
}

/**
 * `Base` (an instanced sigma edge program) plus the time test. An edge's period comes from `edgeSpan`: its own
 * `t0`/`t1`, or its pair's row of `spans()`; edges with neither are always inside. `uniform()` is read on every render, so moving the window is a render, not a refresh.
 */
export function withTimeFilter(
  Base: EdgeProgramType,
  uniform: () => TimeUniform,
  spans: () => Float32Array | null,
): EdgeProgramType {
  const Parent = Base as unknown as ConcreteEdgeProgramClass;
  const span = new Float32Array(2);
  let spanAt = -1;
  class TimeFilteredEdgeProgram extends Parent {
    override getDefinition(): Definition {
      const def = super.getDefinition();
      if (!('CONSTANT_ATTRIBUTES' in def)) throw new Error('atlas: the time filter needs an instanced edge program');
      return {
        ...def,
        VERTEX_SHADER_SOURCE: patchVertexShader(def.VERTEX_SHADER_SOURCE),
        UNIFORMS: [...def.UNIFORMS, 'u_window'],
        ATTRIBUTES: [...def.ATTRIBUTES, { name: 'a_span', size: 2, type: WebGLRenderingContext.FLOAT }],
      };
    }

    override processVisibleItem(
      edgeIndex: number,
      startIndex: number,
      sourceData: NodeDisplayData,
      targetData: NodeDisplayData,
      data: EdgeDisplayData,
    ): void {
      super.processVisibleItem(edgeIndex, startIndex, sourceData, targetData, data);
      // Instanced: one item per edge; a_span's place is looked up once (other wrappers may add attributes after it).
      if (spanAt < 0) spanAt = attributeOffset(this.getDefinition().ATTRIBUTES, 'a_span');
      const at = startIndex + spanAt;
      edgeSpan(data as EdgeDisplayData & { t0?: number; t1?: number; pair?: number }, spans(), span);
      this.array[at] = span[0]!;
      this.array[at + 1] = span[1]!;
    }

    override setUniforms(params: RenderParams, info: ProgramInfo): void {
      super.setUniforms(params, info);
      const u = uniform();
      info.gl.uniform3f(info.uniformLocations.u_window!, u.from, u.to, u.undated);
    }
  }
  return TimeFilteredEdgeProgram as unknown as EdgeProgramType;
}
