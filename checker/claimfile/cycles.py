"""Cycles between relation claims, found in time linear in the claims and their operands.

A claim that (through claim-id operands) depends on itself cannot be evaluated, so
every claim on a cycle carries the problem, at its own first step, naming a cycle
from itself: ``cycle: a -> b -> a``.

Searching from each claim separately is quadratic in a long chain and, copying the
path at each step, cubic (6,000 ratio claims took over a minute). Instead Tarjan's
algorithm finds the strongly connected components once; within a component, one
search forward and one backward from its first claim give every member a closed walk
(member → … → first → … → member) in constant time per member, and a message names
at most :data:`SHOWN` claims of it.
"""
from __future__ import annotations

from collections import deque

from checker.errors import Location

Graph = dict[str, list[tuple[str, Location]]]
"""Claim id -> its claim-id operands, in the order written, with where each is written."""
SHOWN = 12
"""Longest cycle named in full; a longer one is shortened in the middle."""
HALF = SHOWN // 2


def cycles(graph: Graph, order: list[str]) -> dict[str, tuple[str, Location]]:
    """For every claim on a cycle: the message (``cycle: a -> b -> a``) and where its first step is written.

    >>> here = Location("f", 1, 1)
    >>> found = cycles({"a": [("b", here)], "b": [("a", here)], "c": [("a", here)]}, ["a", "b", "c"])
    >>> {claim: message for claim, (message, _) in found.items()}
    {'a': 'cycle: a -> b -> a', 'b': 'cycle: b -> a -> b'}
    """
    found: dict[str, tuple[str, Location]] = {}
    rank = {claim: index for index, claim in enumerate(order)}
    for component in _components(graph, order):
        members = set(component)
        root = min(component, key=rank.__getitem__)
        if len(component) == 1 and not any(target == root for target, _ in graph.get(root, [])):
            continue
        ahead = _search(root, members, graph)              # root -> member: parent, edge
        back = _search(root, members, _reversed(graph))    # member -> root: next claim, edge
        for member in sorted(component, key=rank.__getitem__):
            found[member] = _walk(member, root, members, graph, ahead, back)
    return found


def _walk(member: str, root: str, members: set[str], graph: Graph, ahead: dict, back: dict) -> tuple[str, Location]:
    """A closed walk from ``member`` (to the root along ``back``, then back along ``ahead``) and its first step."""
    if member == root:  # once per component: its whole walk may be followed
        first, where = next((target, at) for target, at in graph[root] if target in members)
        walk = [root, root] if first == root else [root, first, *_follow(first, back)]
        return _message(walk[:HALF], walk[-HALF:], walk, len(walk) - 1), where
    steps = back[member][2] + ahead[member][2]
    to_root = [member, *_follow(member, back, SHOWN)]
    from_root = [node for node in reversed(_follow(member, ahead, SHOWN)) if node != root] + [member]
    return _message(to_root[:HALF], from_root[-HALF:], to_root + from_root, steps), back[member][1]


def _follow(start: str, tree: dict, most: int | None = None) -> list[str]:
    """The claims after ``start`` on its way to the search's root (at most ``most`` of them)."""
    path: list[str] = []
    node = start
    while tree[node][0] is not None and (most is None or len(path) < most):
        node = tree[node][0]
        path.append(node)
    return path


def _message(head: list[str], tail: list[str], walk: list[str], steps: int) -> str:
    """``cycle: a -> b -> a`` (``walk``, complete when short); a longer cycle shows its two ends and its length."""
    if steps <= SHOWN:
        return "cycle: " + " -> ".join(walk)
    return f"cycle of {steps} steps: " + " -> ".join(head) + " -> … -> " + " -> ".join(tail)


def _search(root: str, members: set[str], graph: Graph) -> dict[str, tuple[str | None, Location | None, int]]:
    """Breadth-first from ``root`` inside the component: node -> (the node it was reached from, the edge, depth)."""
    tree: dict[str, tuple[str | None, Location | None, int]] = {root: (None, None, 0)}
    queue = deque([root])
    while queue:
        node = queue.popleft()
        for target, where in graph.get(node, []):
            if target in members and target not in tree:
                tree[target] = (node, where, tree[node][2] + 1)
                queue.append(target)
    return tree


def _reversed(graph: Graph) -> Graph:
    """Every edge turned round, keeping where it is written, in the order written."""
    turned: Graph = {}
    for source, edges in graph.items():
        for target, where in edges:
            turned.setdefault(target, []).append((source, where))
    return turned


def _components(graph: Graph, order: list[str]) -> list[list[str]]:
    """Tarjan's strongly connected components, iteratively (a long chain must not hit the recursion limit)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []
    for start in order:
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, edge = work.pop()
            if edge == 0:
                index[node] = low[node] = len(index)
                stack.append(node)
                on_stack.add(node)
            edges = graph.get(node, [])
            if edge < len(edges):
                work.append((node, edge + 1))
                target = edges[edge][0]
                if target not in index:
                    work.append((target, 0))
                elif target in on_stack:
                    low[node] = min(low[node], index[target])
                continue
            for target, _ in edges:  # children done: take their lows
                if target in on_stack:
                    low[node] = min(low[node], low[target])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                components.append(component)
    return components
