"""A small English chapter and its Korean translation, section by section, for aligner tests.

Each entry is one section's Markdown (heading line first). Tests compose documents from these
parts (dropping, adding, swapping sections) and look heading lines up in the composed text, so
the expected lines come from the text itself, not from the parser under test.
"""

from __future__ import annotations

from collections.abc import Sequence

EN: dict[str, str] = {
    "title": """# Scaling Basics

This chapter follows [the book](https://jax-ml.github.io/scaling-book) closely.
""",
    "tpu": """## What Is a TPU?

A TPU is a matrix unit attached to fast memory. Each core has a 128x128 systolic array,
and `jax.devices()` lists the chips. The [TPU docs](https://cloud.google.com/tpu/docs) have more.
""",
    "sharding": """## Sharding Strategies

We split the batch over 8 devices with `PartitionSpec`, as in
[the paper](https://arxiv.org/abs/2205.14135).

```python
mesh = jax.make_mesh((4, 2), ("x", "y"))
```
""",
    "comm": """## Communication Costs

An AllGather over a ring costs

$$T_{comm} = \\frac{N}{W_{ici}}$$

where $W_{ici}$ is 4.5e10 bytes per second. See [collectives](https://jax.dev/collectives).
""",
    "memory": """## Memory

The model needs 16 GB of HBM in `jnp.bfloat16`, and twice that in `jnp.float32`.

{% include figure.liquid path="assets/img/memory.png" caption="Memory per chip." %}
""",
    "roofline": """## Roofline Analysis

The roofline tells whether a kernel is bound by compute or by bandwidth. The
[roofline paper](https://dl.acm.org/doi/10.1145/1498765.1498785) introduced it.
""",
    "conclusion": """## Conclusion

That is all for this chapter; the next one covers training.
""",
}

KO: dict[str, str] = {
    "title": """# 스케일링 기초

이 장은 [책](https://jax-ml.github.io/scaling-book)을 충실히 따릅니다.
""",
    "tpu": """## TPU란 무엇인가?

TPU는 빠른 메모리에 붙은 행렬 연산 장치입니다. 각 코어에는 128x128 systolic array가 있고,
`jax.devices()`가 칩 목록을 보여 줍니다.
자세한 내용은 [TPU 문서](https://cloud.google.com/tpu/docs)에 있습니다.
""",
    "sharding": """## 샤딩 전략

[논문](https://arxiv.org/abs/2205.14135)처럼 `PartitionSpec`으로 배치를 8개의 장치에
나눕니다.

```python
mesh = jax.make_mesh((4, 2), ("x", "y"))
```
""",
    "comm": """## 통신 비용

링 위의 AllGather 비용은 다음과 같습니다.

$$T_{comm} = \\frac{N}{W_{ici}}$$

여기서 $W_{ici}$는 초당 4.5e10 바이트입니다.
[collective 문서](https://jax.dev/collectives)를 보세요.
""",
    "memory": """## 메모리

모델은 `jnp.bfloat16`으로 16 GB의 HBM이 필요하고, `jnp.float32`로는 그 두 배가 필요합니다.

{% include figure.liquid path="assets/img/memory.png" caption="칩당 메모리." %}
""",
    "roofline": """## 루프라인 분석

루프라인은 커널이 연산에 묶였는지 대역폭에 묶였는지 알려 줍니다.
[루프라인 논문](https://dl.acm.org/doi/10.1145/1498765.1498785)이 처음 소개했습니다.
""",
    "conclusion": """## 결론

이 장은 여기까지입니다. 다음 장에서는 훈련을 다룹니다.
""",
}

ORDER = ("title", "tpu", "sharding", "comm", "memory", "roofline", "conclusion")


def compose(parts: Sequence[str]) -> str:
    """Join section texts into one document, a blank line between sections."""
    return "\n".join(parts)


def line_of(text: str, heading: str) -> int:
    """The 1-based line of the line that is exactly ``heading`` (fails loudly when absent)."""
    lines = text.splitlines()
    assert lines.count(heading) == 1, f"{heading!r} must occur exactly once"
    return lines.index(heading) + 1
