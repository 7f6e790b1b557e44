import StepwiseCore

/// Indicator movement as bars: for each indicator a bar for the first rating, one for the
/// previous when it is not the first, and under them a bar for the latest, on the same 0–10
/// scale, so that the lengths compare at a glance. Bars are drawn with the
/// eighth blocks ▏▎▍▌▋▊▉█ (a median such as 6.5 ends in a part cell), every bar is labelled
/// in words and its figure is written beside it, so that it reads in monochrome and to a
/// screen reader. The same widget draws one citizen's ratings (first, previous, latest) and
/// an organisation's medians (first, latest).
public enum IndicatorChart {
    /// The highest rating (the BIP indicators and the coach's belief are rated 1–10).
    public static let scale = 10

    /// One indicator: its words and its figures (nil where there is none).
    public struct Item: Equatable, Sendable {
        public var label: String
        public var first: Double?
        public var previous: Double?
        public var latest: Double?
        /// Shown instead of the bars when the figures are withheld (e.g. "< 5").
        public var withheld: String?

        public init(label: String, first: Double?, previous: Double? = nil, latest: Double?, withheld: String? = nil) {
            self.label = label
            self.first = first
            self.previous = previous
            self.latest = latest
            self.withheld = withheld
        }
    }

    /// The chart's lines for `width` columns: at 110 columns and more the words stand beside
    /// the bars (one line a bar), below that above them. Words too long for their room wrap at
    /// spaces onto the next lines, never cut. Each earlier bar (first, previous) says how far
    /// the latest has moved since it ("▲ +3 since then"), so that every change names what it
    /// compares; the changes start in one column on every row (the figures are padded).
    public static func lines(_ items: [Item], strings s: Localizer, width: Int) -> [StyledLine] {
        let legendWidth = legends(s).map(DisplayWidth.of).max() ?? 0
        let side = width >= 110
        let labelWidth = labelWidth(for: width)
        let barWidth = barWidth(for: width, strings: s)
        var lines: [StyledLine] = []
        for item in items {
            let parts = DisplayWidth.wrap(item.label, width: side ? labelWidth - 3 : width - 2)
            if !side { lines += parts.map { StyledLine("  " + $0, .bold) } }
            // Beside the bars, the words take the first rows, then rows of their own.
            func lead(_ row: Int) -> (String, Style) {
                guard side else { return ("    ", .plain) }
                return ("  " + DisplayWidth.pad(parts.indices.contains(row) ? parts[row] : "", to: labelWidth - 2), .bold)
            }
            if let withheld = item.withheld {
                lines.append(StyledLine([lead(0), (withheld, .muted)]))
                if side { lines.append(parts.count > 1 ? StyledLine([lead(1)]) : .blank) }
                lines += side ? parts.dropFirst(2).map { StyledLine("  " + $0, .bold) } : []
                continue
            }
            // A single score has no first rating to compare with: its latest bar stands alone.
            let single = item.first == nil && item.latest != nil
            let rows: [(legend: String, value: Double?, style: Style)] =
                (single ? [] : [(s("chart.first"), item.first, .plain)])
                + (item.previous.map { [(s("chart.previous"), $0, .plain)] } ?? [])
                + [(s("chart.latest"), item.latest, .bold)]
            for (row, bar) in rows.enumerated() {
                var line: [(String, Style)] = [
                    lead(row), (DisplayWidth.pad(bar.legend, to: legendWidth) + " ", .muted),
                    (self.bar(bar.value, width: barWidth) + " ", bar.style), (number(bar.value, s), bar.style),
                ]
                if row < rows.count - 1, let change = change(from: bar.value, to: item.latest, s) {
                    line.append(("  " + s("chart.sinceThen", ["change": change]), .bold))
                }
                lines.append(StyledLine(line))
            }
            lines += side ? parts.dropFirst(rows.count).map { StyledLine("  " + $0, .bold) } : []
        }
        return lines
    }

    /// The words' column when they stand beside the bars (at 110 columns and more), else 0.
    static func labelWidth(for width: Int) -> Int { width >= 110 ? min(48, width / 3) : 0 }

    /// How many cells a bar takes in a chart `width` columns wide: what is left of the width
    /// after the words, the legend and 30 columns for the figures, 10 to 60.
    public static func barWidth(for width: Int, strings s: Localizer) -> Int {
        let legendWidth = legends(s).map(DisplayWidth.of).max() ?? 0
        return max(10, min(60, width - 4 - labelWidth(for: width) - legendWidth - 1 - 30))
    }

    /// The words before the bars: "first", "previous", "latest".
    private static func legends(_ s: Localizer) -> [String] { [s("chart.first"), s("chart.previous"), s("chart.latest")] }

    /// A bar `width` cells long for `value` out of `scale`, in eighths of a cell, padded with
    /// spaces; "·" cells when no value. Nothing is drawn over a bar's cells, so that its length
    /// reads true.
    public static func bar(_ value: Double?, width: Int) -> String {
        guard let value else { return String(repeating: "·", count: width) }
        return DisplayWidth.pad(blocks(value / Double(scale), width: width), to: width)
    }

    /// `fraction` (0…1) of `width` cells in full blocks and one eighth block for the rest
    /// (▏▎▍▌▋▊▉), without padding.
    public static func blocks(_ fraction: Double, width: Int) -> String {
        let eighths = Int((max(0, min(1, fraction)) * Double(width * 8)).rounded())
        let parts = Array(" ▏▎▍▌▋▊▉")
        return String(repeating: "█", count: eighths / 8) + (eighths % 8 > 0 ? String(parts[eighths % 8]) : "")
    }

    /// "7", "6,5" in the language's number style, or "–".
    private static func number(_ value: Double?, _ s: Localizer) -> String {
        DisplayWidth.pad(value.map { Report.words(.number($0), strings: s) } ?? "–", to: 4)
    }

    /// "▲ +2", "▼ −1,5", "■ 0": `latest` against `earlier`, with the arrow so that the sign does
    /// not rest on colour or a minus sign alone; nil when either is missing.
    private static func change(from earlier: Double?, to latest: Double?, _ s: Localizer) -> String? {
        guard let earlier, let latest else { return nil }
        let delta = latest - earlier
        let size = Report.words(.number(abs(delta)), strings: s)
        return delta > 0 ? "▲ +" + size : delta < 0 ? "▼ −" + size : "■ 0"
    }
}
