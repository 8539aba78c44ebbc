"""Component ``lagebild_event_context``: missing targets filled in from the article context.

Gold rule 6 fills in an actor "from context when the text makes it clear": in a report about
Russia and Turkey, "Moskau hat mit Konsequenzen gedroht" is a threat against Turkey; "die
Regierung wies das zurück" answers whoever accused the government. ``lagebild_events``
reads roles from the clause (and a few cross-sentence rules in ``events/context.py``); this
component runs after it and gives an event of a directed type that has a source but no
target the target that the article makes likely. Three signals are tried in the order of
the ``signals`` setting, the first that yields an actor wins:

- ``reply``: a rejection, accusation or threat answers the latest challenge (accusation,
  demand, threat, sanction, attack, coercion) aimed at its source: the challenger.
- ``dyad``: the article's dominant pair of actors, the two that most often stand on the two
  sides of its events; an event by one side is aimed at the other.
- ``nearby``: an actor named in the event's clause, else in its sentence, else in the
  sentence before, that is not the source.

Every filled target points at a mention of that actor (the nearest one before the event's
trigger, else the nearest after): ``doc.spans["lagebild_event_context"]`` holds these
mentions, labelled with the actor code; its ``attrs`` give, per span, the index of the event
in ``doc._.events`` and the signal used. The event's confidence is lowered.

Not filled: meetings, agreements and cooperation (their participants are all in the source,
rule 6), military build-ups (mostly aimed at nobody in particular), withdrawals and
concessions, fighting between several
parties without a stated attacker (all parties are sources), and events without a source.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from ..doc_ext import ENTITY_KEY, MENTION_KEY
from ..records import Event

CONTEXT_KEY = "lagebild_event_context"
SIGNALS = ("reply", "dyad", "nearby")

# types whose act is aimed at somebody; meetings, agreements, cooperation and build-ups are
# not, and a withdrawal or concession yields to whoever the text leaves implicit
DIRECTED = frozenset({
    "ACCUSE", "REJECT", "THREATEN", "REQUEST", "SUPPORT", "SANCTION", "COERCE", "ASSAULT",
    "AID", "PROTEST",
})
# types that answer an earlier act aimed at their source
REPLIES = frozenset({"REJECT", "ACCUSE", "THREATEN"})
# acts that call for an answer
CHALLENGES = frozenset({"ACCUSE", "REQUEST", "THREATEN", "SANCTION", "ASSAULT", "COERCE"})
# fighting told with several parties and no stated attacker keeps them all in the source
PARTY_TYPES = frozenset({"ASSAULT"})
CONFIDENCE_FACTOR = 0.8
# a pair of actors on the two sides of fewer events is no frame for the article
DYAD_MIN = 2
# mention labels of ``lagebild_mentions`` that are no names: descriptions ("das Bündnis"),
# demonym adjectives ("russische"), resolved pronouns ("er")
DESCRIPTIVE = frozenset({"NOM", "ADJ", "PRON"})


@dataclass(frozen=True)
class ActorMention:
    """A mention standing for an actor: character range and code."""

    start: int
    end: int
    actor: str
    kind: str = "NAME"
    # the noun the mention modifies ("Fahnen der EU"), as a character offset
    modifies: int | None = None


@dataclass(frozen=True)
class Filled:
    """A context-filled target: the event's index, the actor's mention, the signal used."""

    event: int
    mention: ActorMention
    signal: str


class Context:
    """What the signals read from one doc: actor mentions, sentence starts, events."""

    def __init__(self, doc: Doc, events: Sequence[Event]) -> None:
        self.mentions = _actor_mentions(doc)
        self.starts = [m.start for m in self.mentions]
        self.by_actor: dict[str, list[ActorMention]] = {}
        for mention in self.mentions:
            self.by_actor.setdefault(mention.actor, []).append(mention)
        self.sentences = [s.start_char for s in doc.sents] if len(doc) else [0]
        self.events = events
        self.dyad = dominant_dyad(events)
        self.challenges = Challenges()
        self.triggers = {e.trigger.start for e in events}

    def sentence_of(self, char: int) -> int:
        """Index of the sentence holding the character ``char``."""
        return max(bisect_right(self.sentences, char) - 1, 0)

    def sentence_range(self, index: int) -> tuple[int, int]:
        """Character range of sentence ``index`` (the last one runs to the end)."""
        end = self.sentences[index + 1] if index + 1 < len(self.sentences) else 1 << 62
        return self.sentences[index], end

    def mentions_in(self, start: int, end: int) -> list[ActorMention]:
        """Mentions starting inside ``[start, end)``."""
        return self.mentions[bisect_left(self.starts, start):bisect_left(self.starts, end)]

    def pointer(self, actor: str, char: int) -> ActorMention | None:
        """The mention of ``actor`` a reader would look back to: the nearest name before
        ``char``, else the nearest mention of any kind before it, else the nearest after."""
        before = [m for m in self.by_actor.get(actor, ()) if m.start < char]
        names = [m for m in before if m.kind == "NAME"]
        if names or before:
            return (names or before)[-1]
        after = [m for m in self.by_actor.get(actor, ()) if m.start >= char]
        return after[0] if after else None


def _actor_mentions(doc: Doc) -> list[ActorMention]:
    """Actor-bearing mentions and entities in text order, overlaps removed (longest first)."""
    spans: list[Span] = []
    for key in (MENTION_KEY, ENTITY_KEY):
        spans.extend(s for s in doc.spans.get(key, []) if s._.actor)
    spans.sort(key=lambda s: (s.start_char, -s.end_char))
    kept: list[Span] = []
    for span in spans:
        if not kept or span.start_char >= kept[-1].end_char:
            kept.append(span)
    actors = {i for span in kept for i in range(span.start, span.end)}
    return [
        ActorMention(
            span.start_char, span.end_char, str(span._.actor),
            span.label_ if span.label_ in DESCRIPTIVE else "NAME", _attribute_of(span, actors),
        )
        for span in kept
    ]


def _attribute_of(span: Span, actors: set[int]) -> int | None:
    """Where the parse makes the mention a modifier of another noun ("mit Fahnen Serbiens und
    der EU"): the character offset of that noun, else None. Coordinated mentions share the
    function of the first; a mention coordinated with a thing rather than an actor ("Fahnen
    … und der EU") goes with that thing."""
    token = span.root
    while token.dep_ == "conj" and token.head is not token:
        token = token.head
        if token.i not in actors:
            return token.idx
    return token.head.idx if token.dep_ == "nmod" else None


def dominant_dyad(events: Sequence[Event]) -> frozenset[str] | None:
    """The pair of actors that most often stand on the two sides of the article's directed
    events (meetings and agreements bring in mediators and hosts, not the parties).

    Each event counts once per (source, target) pair of distinct actors, unordered; ties go
    to the pair seen first. None when no pair occurs twice: one event is no frame.
    """
    counts: Counter[frozenset[str]] = Counter()
    for event in events:
        if event.type not in DIRECTED:
            continue
        # dict, not set: the order of first sight must not depend on string hashing
        pairs = dict.fromkeys(
            frozenset((s, t)) for s in event.source for t in event.target if s != t
        )
        counts.update(list(pairs))
    if not counts:
        return None
    pair, count = counts.most_common(1)[0]
    return pair if count >= DYAD_MIN else None


def needs_target(event: Event) -> bool:
    """A directed act with a known source and no target (rule 6 leaves meetings alone)."""
    if not event.source or event.target or event.type not in DIRECTED:
        return False
    # "Kämpfe zwischen A und B": both parties are the source, nobody the target
    return not (event.type in PARTY_TYPES and len(event.source) > 1)


class Challenges:
    """The latest challenge aimed at each actor so far, kept while the events are read in
    text order (constant work per event)."""

    def __init__(self) -> None:
        self.latest: dict[str, tuple[int, tuple[str, ...]]] = {}

    def add(self, index: int, event: Event) -> None:
        """Remember ``event`` as the latest challenge to each of its targets."""
        if event.type in CHALLENGES and event.source:
            for actor in event.target:
                self.latest[actor] = (index, event.source)

    def challenger(self, sources: Sequence[str]) -> str | None:
        """The author of the latest challenge aimed at one of ``sources`` (not one of them)."""
        found = [self.latest[a] for a in sources if a in self.latest]
        if not found:
            return None
        _, authors = max(found)
        return next((a for a in authors if a not in sources), None)


def reply_target(context: Context, index: int) -> str | None:
    """A rejection, accusation or threat answers the latest challenge aimed at its source."""
    event = context.events[index]
    if event.type not in REPLIES:
        return None
    return context.challenges.challenger(event.source)


def dyad_target(context: Context, index: int) -> str | None:
    """The other side of the article's dominant pair, when the source is one side."""
    event = context.events[index]
    dyad = context.dyad
    if dyad is None or len(event.source) != 1 or event.source[0] not in dyad:
        return None
    (other,) = dyad - {event.source[0]}
    return other


def nearby_target(context: Context, index: int) -> str | None:
    """An actor named in the clause, else in the sentence, else in the sentence before, that
    is not the source. Names go before descriptions and adjectives ("die Ukraine braucht …
    ihre westlichen Verbündeten … im Kampf gegen Moskau"), then the mention closest to the
    trigger; from the sentence before, the last one. Pronouns are left out (their actor is
    a guess already), and so are, outside the clause, names modifying a noun that tells no
    event."""
    event = context.events[index]
    sources = set(event.source)
    trigger = event.trigger.start

    def candidates(start: int, end: int, clause: bool = False) -> list[ActorMention]:
        # outside the clause, a name that only modifies a thing ("zogen mit Fahnen der EU
        # … und forderten Neuwahlen") is no addressee; one modifying an event noun is
        return [m for m in context.mentions_in(start, end)
                if m.actor not in sources and m.kind != "PRON"
                and (clause or m.modifies is None or m.modifies in context.triggers)]

    def rank(mention: ActorMention) -> tuple[bool, int]:
        return mention.kind != "NAME", abs(mention.start - trigger)

    clause = candidates(event.evidence.start, event.evidence.end, True)
    if clause:
        return min(clause, key=rank).actor
    number = context.sentence_of(trigger)
    sentence = candidates(*context.sentence_range(number))
    if sentence:
        return min(sentence, key=rank).actor
    before = candidates(*context.sentence_range(number - 1)) if number else []
    return before[-1].actor if before else None


FINDERS = {"reply": reply_target, "dyad": dyad_target, "nearby": nearby_target}


def fill_targets(
    doc: Doc, events: Sequence[Event], signals: Sequence[str] = SIGNALS
) -> tuple[list[Event], list[Filled]]:
    """The events with missing targets filled in, and where each filled target came from."""
    context = Context(doc, events)
    out = list(events)
    filled: list[Filled] = []
    for index, event in enumerate(events):
        if needs_target(event):
            for signal in signals:
                actor = FINDERS[signal](context, index)
                mention = context.pointer(actor, event.trigger.start) if actor else None
                if actor and mention:
                    out[index] = replace(
                        event, target=(actor,), confidence=event.confidence * CONFIDENCE_FACTOR
                    )
                    filled.append(Filled(index, mention, signal))
                    break
        # a filled threat or accusation can itself be answered ("… Moskau droht. Ankara
        # weist das zurück")
        context.challenges.add(index, out[index])
    return out, filled


class EventContext:
    """Fills missing targets of ``doc._.events`` from the article context."""

    def __init__(self, nlp: Language | None, name: str, signals: Sequence[str] = SIGNALS) -> None:
        unknown = [s for s in signals if s not in FINDERS]
        if unknown:
            raise ValueError(f"unknown context signals {unknown}; known: {list(FINDERS)}")
        self.name = name
        self.signals = tuple(signals)

    def __call__(self, doc: Doc) -> Doc:
        events, filled = fill_targets(doc, doc._.events or [], self.signals)
        doc._.events = events
        group = SpanGroup(doc, name=CONTEXT_KEY, spans=[
            doc.char_span(f.mention.start, f.mention.end, label=f.mention.actor,
                          alignment_mode="expand")
            for f in filled
        ])
        group.attrs["events"] = [f.event for f in filled]
        group.attrs["signals"] = [f.signal for f in filled]
        doc.spans[CONTEXT_KEY] = group
        return doc


@Language.factory("lagebild_event_context", default_config={"signals": list(SIGNALS)})
def make_event_context(nlp: Language, name: str, signals: list[str]) -> EventContext:
    """spaCy factory: ``nlp.add_pipe("lagebild_event_context", after="lagebild_events")``.

    ``signals`` names the context signals to try, in order (``reply``, ``dyad``, ``nearby``).
    """
    return EventContext(nlp, name, signals)
