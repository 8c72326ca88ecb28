import { describe, expect, it } from 'vitest';
import { sanitiseSvg } from '../../../scripts/emit/mermaid/sanitise-svg.ts';

describe('sanitiseSvg: the allow-list behind Mermaid strict mode', () => {
  it('keeps what Mermaid draws, byte for byte', () => {
    const svg = '<svg id="m" width="100%" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" role="graphics-document document" aria-roledescription="flowchart-v2"><style>#m .node rect{fill:#eee;}#m .a&gt;b{stroke:red;}</style><defs><marker id="m_end" refX="5" refY="5" markerUnits="userSpaceOnUse" markerWidth="8" markerHeight="8" orient="auto"><path d="M 0 0 L 10 5 z"></path></marker></defs><g class="node" data-id="A" data-type="participant" transform="translate(1, 2)"><rect name="A" rx="6" filter="url(#m-shadow)"></rect><text y="-10.1" style=""><tspan x="0" dy="1.1em">&lt;img src=x onerror=alert(1)&gt;</tspan></text></g><path marker-end="url(#m_end)" d="M0,0L5,5"></path></svg>';
    expect(sanitiseSvg(svg)).toBe(svg);
  });

  it('drops script, foreignObject and HTML with their content, and event handlers', () => {
    const clean = sanitiseSvg('<svg onload="alert(1)"><script>alert(2)</script><foreignObject><div><img src=x onerror=alert(3)></div></foreignObject><g onclick="alert(4)" onmouseover="alert(5)"><text>label</text></g><iframe src="https://evil.example/"></iframe></svg>');
    expect(clean).toBe('<svg><g><text>label</text></g></svg>');
  });

  it('keeps only #fragment links, and drops CSS that loads or runs anything', () => {
    expect(sanitiseSvg('<svg><a href="javascript:alert(1)"><text>x</text></a><a xlink:href="https://evil.example/"><text>y</text></a><use href="#m_end"></use></svg>')).toBe('<svg><a><text>x</text></a><a><text>y</text></a><use href="#m_end"></use></svg>');
    expect(sanitiseSvg('<svg><style>@import url(https://evil.example/x.css);</style><rect style="fill:url(javascript:alert(1))"></rect><rect style="fill: url(#grad)"></rect></svg>')).toBe('<svg><rect></rect><rect style="fill: url(#grad)"></rect></svg>');
  });

  it('escapes text so nothing breaks out of the <svg>, and ignores anything outside it', () => {
    expect(sanitiseSvg('<svg><text>&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg><script>alert(2)</script><img src=x onerror=alert(3)>')).toBe('<svg><text>&lt;/svg&gt;&lt;script&gt;alert(1)&lt;/script&gt;</text></svg>');
  });
});
