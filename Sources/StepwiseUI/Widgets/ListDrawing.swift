import Foundation
import StepwiseCore

/// Which rows of a list or text of `count` rows show in `height` screen rows, and the marks
/// that say more is hidden: "↑ 3 more lines" in the first screen row when rows are hidden
/// above, "↓ 12 more lines" in the last when rows are hidden below (localized, with the
/// plural right). A mark takes a screen row, so a window of `height` rows shows `height`,
/// `height - 1` or `height - 2` rows of content. Every list and long text of the screens is
/// drawn through it, so none hides rows without saying so.
struct ScrollWindow: Equatable, Sendable {
    /// How many rows the list or text has.
    let count: Int
    /// How many screen rows the window has.
    let height: Int
    /// The rows of content shown, below the top mark (if any).
    let shown: Range<Int>

    /// How many rows are hidden above the window.
    var above: Int { shown.lowerBound }
    /// How many rows are hidden below the window.
    var below: Int { count - shown.upperBound }
    /// The screen row (from the window's top) of content row `row`, or nil when it is hidden.
    func screenRow(_ row: Int) -> Int? { shown.contains(row) ? row - shown.lowerBound + (above > 0 ? 1 : 0) : nil }

    /// The largest useful scroll offset: the one that shows the last row (then only the top
    /// mark takes a row). Scroll keys stop here, so that the way back is never dead keys.
    static func lastFirst(count: Int, height: Int) -> Int {
        guard count > height else { return 0 }
        return height < 3 ? count - max(1, height) : count - (height - 1)
    }

    /// The window scrolled to show content row `first` first (clamped to `0...lastFirst`).
    /// Below 3 rows there is no room for marks: the window shows what fits.
    init(count: Int, height: Int, first: Int) {
        self.count = max(0, count)
        self.height = max(0, height)
        let start = min(max(0, first), Self.lastFirst(count: self.count, height: self.height))
        var rows = self.height
        if self.height >= 3, self.count > self.height {
            if start > 0 { rows -= 1 }
            if start + rows < self.count { rows -= 1 }
        }
        shown = start..<min(self.count, start + rows)
    }

    /// The window that shows the content rows `selected` (with the row above them, when
    /// there is room), or from the first row when nothing is selected.
    init(count: Int, height: Int, showing selected: ClosedRange<Int>?) {
        guard let selected, count > height else {
            self.init(count: count, height: height, first: 0)
            return
        }
        let middle = max(1, height - 2)
        self.init(count: count, height: height, first: min(max(0, selected.upperBound - middle + 1), max(0, selected.lowerBound - 1)))
    }

    /// Draws the marks (muted, from column `x`, at most `width` columns) in the window whose
    /// first screen row is `top`. The marks count lines ("↓ 12 more lines"), or the entries of
    /// a list when `entries` says which rows are entries ("↓ 12 more participants").
    func drawMarks(x: Int, top: Int, width: Int, strings s: Localizer, entries: ListEntries? = nil, into buffer: inout ScreenBuffer) {
        guard height >= 3 else { return }
        if above > 0 {
            buffer.fill(y: top, from: x, to: x + width, style: .plain)
            buffer.put(mark(.above, entries: entries, strings: s), x: x, y: top, style: .muted, limit: width)
        }
        if below > 0 {
            let y = top + height - 1
            buffer.fill(y: y, from: x, to: x + width, style: .plain)
            buffer.put(mark(.below, entries: entries, strings: s), x: x, y: y, style: .muted, limit: width)
        }
    }

    /// One side of a window.
    enum Side: String { case above, below }

    /// "↑ 3 more offers" when entries are hidden on `side`, else "↑ 3 more lines" (only a
    /// heading or a closing text is hidden there).
    private func mark(_ side: Side, entries: ListEntries?, strings s: Localizer) -> String {
        let lines = side == .above ? above : below
        guard let entries else { return s("scroll." + side.rawValue, count: lines) }
        let rows = side == .above ? 0..<shown.lowerBound : shown.upperBound..<count
        let hidden = entries.count(in: rows) + (side == .above ? entries.beyond.above : entries.beyond.below)
        guard hidden > 0 else { return s("scroll." + side.rawValue, count: lines) }
        return s(entries.key + "." + side.rawValue, count: hidden)
    }

    /// Draws `lines` (the content) in the window from screen row `top`, at column `x` in
    /// `width` columns, and the marks.
    func draw(_ lines: [StyledLine], x: Int, top: Int, width: Int, strings: Localizer, into buffer: inout ScreenBuffer) {
        for row in shown where lines.indices.contains(row) {
            guard let screen = screenRow(row) else { continue }
            lines[row].draw(into: &buffer, x: x, y: top + screen, width: width)
        }
        drawMarks(x: x, top: top, width: width, strings: strings, into: &buffer)
    }
}

/// Draws lines from `top` up to `bottom`, scrolled so the selected lines are in view, with
/// the marks of `ScrollWindow` where lines are hidden.
enum ListDrawing {
    /// Draws `lines` with those flagged selected (one entry's lines, one after another) highlighted.
    static func draw(
        _ lines: [(line: StyledLine, selected: Bool)], top: Int, bottom: Int, strings: Localizer, entries: ListEntries? = nil,
        into buffer: inout ScreenBuffer
    ) {
        let first = lines.firstIndex { $0.selected }
        let last = lines.lastIndex { $0.selected }
        draw(
            lines.map(\.line), selected: first.flatMap { a in last.map { a...$0 } }, top: top, bottom: bottom, strings: strings,
            entries: entries, into: &buffer)
    }

    /// Draws `lines` with the lines `selected` highlighted: the work is that of the lines
    /// shown, however many there are (a plan of 10,000 goals draws as fast as one of 10).
    static func draw(
        _ lines: [StyledLine], selected: ClosedRange<Int>?, top: Int, bottom: Int, strings: Localizer, entries: ListEntries? = nil,
        into buffer: inout ScreenBuffer
    ) {
        let height = max(0, bottom - top)
        // Near an end, the lines before the first entry (a heading) or after the last (a
        // closing text) come into view with it: no key could select them.
        let showing = selected.map { selected -> ClosedRange<Int> in
            let (start, end) = (selected.lowerBound, selected.upperBound)
            if lines.count - start < height { return start...lines.count - 1 }
            return (end < height - 1 ? 0 : start)...end
        }
        let window = ScrollWindow(count: lines.count, height: height, showing: showing)
        for row in window.shown {
            guard let screen = window.screenRow(row) else { continue }
            let y = top + screen
            guard let selected, selected.contains(row) else {
                lines[row].draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
                continue
            }
            buffer.fill(y: y, style: .selected)
            if row == selected.lowerBound { buffer.put("›", x: 0, y: y, style: .selected) }
            var line = lines[row]
            line.segments = line.segments.map { (text: $0.text, style: Style(bold: $0.style.bold, reverse: true, role: $0.style.role)) }
            line.draw(into: &buffer, x: 1, y: y, width: buffer.width - 2)
        }
        window.drawMarks(x: 1, top: top, width: buffer.width - 2, strings: strings, entries: entries, into: &buffer)
    }
}

/// What the scroll marks of a list count when it is a list of things, not of lines: the
/// strings `key.above` and `key.below` (each with `.one` and `.other`, e.g. "↓ 1 more offer",
/// "↓ 12 more offers"), which rows begin an entry (an entry may take several rows, and
/// headings are no entries), and how many entries lie beyond the rows laid out (lists that lay
/// out only the rows around the selection). Counting costs O(log entries), never a walk over
/// the hidden rows, so a key costs the same on a list of 100,000 rows.
struct ListEntries {
    /// The strings' key before `.above`/`.below`, e.g. `offers.scroll`.
    let key: String
    /// The rows where an entry begins, ascending; nil when every row is an entry.
    let starts: [Int]?
    /// Entries before the first row and after the last row laid out.
    var beyond: (above: Int, below: Int) = (0, 0)

    /// How many entries begin in `rows`.
    func count(in rows: Range<Int>) -> Int {
        guard let starts else { return rows.count }
        return Self.firstIndex(in: starts, notBelow: rows.upperBound) - Self.firstIndex(in: starts, notBelow: rows.lowerBound)
    }

    /// The index of the first element of the ascending `values` that is at least `value`
    /// (`values.count` when none is): a binary search.
    private static func firstIndex(in values: [Int], notBelow value: Int) -> Int {
        var low = 0
        var high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
