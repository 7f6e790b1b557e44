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
        /// A remark: who wrote it, a hint.
        case note
        /// The state of a step ("planned", "done"): shown, not shouted (bold in text formats,
        /// quiet in the PDF).
        case status
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
    /// Ratings to draw as bars (the PDF draws them in place of the children).
    public var chart: SummaryChart?

    public init(marker: String? = nil, _ runs: [SummaryRun], children: [SummaryItem] = [], chart: SummaryChart? = nil) {
        self.marker = marker
        self.runs = runs
        self.children = children
        self.chart = chart
    }

    /// The plain text of the runs, as the text format writes it.
    public var plainText: String { runs.map(\.text).joined() }
}

/// Ratings of one indicator on the scale 1–10, each with its label ("first", "previous",
/// "now"), oldest first.
public struct SummaryChart: Equatable, Sendable {
    public struct Bar: Equatable, Sendable {
        public var label: String
        public var value: Int

        public init(label: String, value: Int) {
            self.label = label
            self.value = value
        }
    }

    /// The highest value on the scale.
    public static let scale = 10

    public var bars: [Bar]

    public init(bars: [Bar]) {
        self.bars = bars
    }
}

/// A titled part of the summary: goals, offers, appointments, …
public struct SummarySection: Equatable, Sendable {
    /// A stable name for the section (`about`, `goals`, `offers`, `appointments`,
    /// `agreements`, `people`, `progress`, `approval`, `signatures`, `call`), used as a class
    /// in HTML. Their order is `Summary.sectionOrder`.
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
