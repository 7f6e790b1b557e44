import StepwiseCore

/// Indicator movement as paired bars: for each indicator a bar for the first rating and,
/// under it, a bar for the latest, on the same 0–10 scale, so that the two lengths compare
/// at a glance; the previous rating is a tick (│) on the latest bar. Bars are drawn with the
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
    /// the bars (two lines an indicator), below that above them (three lines an indicator).
    /// Words too long for their room wrap at spaces onto the next lines, never cut.
    public static func lines(_ items: [Item], strings s: Localizer, width: Int) -> [StyledLine] {
        let legends = [s("chart.first"), s("chart.latest")]
        let legendWidth = legends.map(DisplayWidth.of).max() ?? 0
        let side = width >= 110
        let labelWidth = labelWidth(for: width)
        let barWidth = barWidth(for: width, strings: s)
        // A change followed by the previous rating is padded to the widest change ("■ 0" beside
        // "▲ +1"), so that the previous rating stands in one column on every row.
        let changeWidth = items.compactMap { change($0, s) }.map(DisplayWidth.of).max() ?? 0
        var lines: [StyledLine] = []
        for item in items {
            let parts = DisplayWidth.wrap(item.label, width: side ? labelWidth - 3 : width - 2)
            if !side { lines += parts.map { StyledLine("  " + $0, .bold) } }
            // Beside the bars, the words take the first row, the second, then rows of their own.
            func lead(_ row: Int) -> String {
                guard side else { return "    " }
                return "  " + DisplayWidth.pad(parts.indices.contains(row) ? parts[row] : "", to: labelWidth - 2)
            }
            // A single score has no first rating to compare with: its latest bar stands alone.
            let single = item.withheld == nil && item.first == nil && item.latest != nil
            let latestRow = single ? 0 : 1
            let rest = side ? parts.dropFirst(latestRow + 1).map { StyledLine("  " + $0, .bold) } : []
            if let withheld = item.withheld {
                lines.append(StyledLine([(lead(0), .bold), (withheld, .muted)]))
                if side { lines.append(parts.count > 1 ? StyledLine(lead(1), .bold) : .blank) }
                lines += rest
                continue
            }
            let first = StyledLine([
                (lead(0), .bold), (DisplayWidth.pad(legends[0], to: legendWidth) + " ", .muted),
                (bar(item.first, width: barWidth, tick: nil) + " ", .plain), (number(item.first, s), .plain),
            ])
            var latest: [(String, Style)] = [
                (lead(latestRow), side && parts.count > latestRow ? .bold : .plain),
                (DisplayWidth.pad(legends[1], to: legendWidth) + " ", .muted),
                (bar(item.latest, width: barWidth, tick: item.previous) + " ", .bold), (number(item.latest, s), .bold),
            ]
            if let change = change(item, s) {
                latest.append(("  " + (item.previous == nil ? change : DisplayWidth.pad(change, to: changeWidth)), .bold))
            }
            if let previous = item.previous { latest.append(("  │ " + s("chart.previous", ["n": number(previous, s)]), .muted)) }
            lines += (single ? [] : [first]) + [StyledLine(latest)] + rest
        }
        return lines
    }

    /// The words' column when they stand beside the bars (at 110 columns and more), else 0.
    static func labelWidth(for width: Int) -> Int { width >= 110 ? min(48, width / 3) : 0 }

    /// How many cells a bar takes in a chart `width` columns wide: what is left of the width
    /// after the words, the legend and 30 columns for the figures, 10 to 60.
    public static func barWidth(for width: Int, strings s: Localizer) -> Int {
        let legendWidth = [s("chart.first"), s("chart.latest")].map(DisplayWidth.of).max() ?? 0
        return max(10, min(60, width - 4 - labelWidth(for: width) - legendWidth - 1 - 30))
    }

    /// A bar `width` cells long for `value` out of `scale`, in eighths of a cell, with the
    /// cell where `tick` ends drawn as │ (inside or beyond the bar); "·" cells when no value.
    public static func bar(_ value: Double?, width: Int, tick: Double?) -> String {
        guard let value else { return String(repeating: "·", count: width) }
        var cells = Array(blocks(value / Double(scale), width: width))
        cells += Array(repeating: " ", count: max(0, width - cells.count))
        if let tick {
            let cell = Int((max(0, min(Double(scale), tick)) / Double(scale) * Double(width)).rounded()) - 1
            if cells.indices.contains(cell) { cells[cell] = "│" }
        }
        return String(cells)
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

    /// "▲ +2", "▼ −1,5", "■ 0": latest against first, with the arrow so that the sign does not
    /// rest on colour or a minus sign alone.
    private static func change(_ item: Item, _ s: Localizer) -> String? {
        guard let first = item.first, let latest = item.latest else { return nil }
        let delta = latest - first
        let size = Report.words(.number(abs(delta)), strings: s)
        return delta > 0 ? "▲ +" + size : delta < 0 ? "▼ −" + size : "■ 0"
    }
}
