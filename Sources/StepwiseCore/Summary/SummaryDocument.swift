import Foundation

/// A piece of text in the plan summary, and how it reads.
public struct SummaryRun: Equatable, Sendable {
    /// How a run is shown: the citizen's own words stand out, notes are quieter.
    public enum Kind: Equatable, Sendable {
        case plain
        /// The citizen's own words (quoted; bold in Markdown and HTML).
        case own
        /// A label or name that stands out.
        case strong
        /// A remark: who wrote it, a status, a hint.
        case note
        /// Bars and sparklines that need a fixed-width font.
        case mono
    }

    public var text: String
    public var kind: Kind

    public init(_ text: String, _ kind: Kind = .plain) {
        self.text = text
        self.kind = kind
    }
}

/// One entry of a section: a line of runs with an optional marker (○ ◐ ● ✓ •) and
/// entries below it.
public struct SummaryItem: Equatable, Sendable {
    /// A glyph shown before the text, e.g. the status of a step.
    public var marker: String?
    public var runs: [SummaryRun]
    public var children: [SummaryItem]

    public init(marker: String? = nil, _ runs: [SummaryRun], children: [SummaryItem] = []) {
        self.marker = marker
        self.runs = runs
        self.children = children
    }

    /// The plain text of the runs, as the text format writes it.
    public var plainText: String { runs.map(\.text).joined() }
}

/// A titled part of the summary: goals, offers, appointments, …
public struct SummarySection: Equatable, Sendable {
    /// A stable name for the section (`people`, `goals`, `offers`, `appointments`,
    /// `agreements`, `progress`), used as a class in HTML.
    public var id: String
    public var heading: String
    public var items: [SummaryItem]

    public init(id: String, heading: String, items: [SummaryItem]) {
        self.id = id
        self.heading = heading
        self.items = items
    }
}

/// A label and its value at the top of the summary ("Course", "My coach").
public struct SummaryFact: Equatable, Sendable {
    public var label: String
    public var value: String

    public init(label: String, value: String) {
        self.label = label
        self.value = value
    }
}

/// The whole summary as structured content, before it is written as text, Markdown or HTML.
public struct SummaryDocument: Equatable, Sendable {
    /// The language code of the texts.
    public var language: String
    /// "My plan: Maja Jensen".
    public var title: String
    public var facts: [SummaryFact]
    public var sections: [SummarySection]
    /// A closing remark to the citizen.
    public var closing: String

    public init(language: String, title: String, facts: [SummaryFact], sections: [SummarySection], closing: String) {
        self.language = language
        self.title = title
        self.facts = facts
        self.sections = sections
        self.closing = closing
    }
}
