/// A multi-line field laid out in rows: wrapped at word boundaries, with its line breaks
/// kept, measured in terminal columns (``DisplayWidth``).
extension TextField {
    /// The rows the text takes in a field `width` columns wide, as ranges of `characters`
    /// (a row never holds the line break that ends it). Text wraps after the last space that
    /// fits in `width - 1` columns (the last column is kept for the cursor); spaces at the
    /// end of a row may hang past it; a word longer than a row is broken between characters.
    /// There is always at least one row.
    public func rows(width: Int) -> [Range<Int>] {
        let room = max(1, width - 1)
        var rows: [Range<Int>] = []
        var start = 0
        var column = 0
        // Where the row may end: just after the last space in it.
        var lastBreak: Int?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\n" {
                rows.append(start..<index)
                start = index + 1
                column = 0
                lastBreak = nil
            } else if character == " " {
                column += 1
                lastBreak = index + 1
            } else {
                let width = DisplayWidth.of(character)
                if column + width > room, index > start {
                    let end = lastBreak ?? index
                    rows.append(start..<end)
                    start = end
                    column = columns(start..<index)
                    lastBreak = nil
                    continue
                }
                column += width
            }
            index += 1
        }
        rows.append(start..<characters.count)
        return rows
    }

    /// The cursor's row (an index into `rows(width:)`) and column in a field `width` wide.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        let rows = rows(width: width)
        let row = rows.lastIndex { $0.lowerBound <= cursor } ?? 0
        return (row, columns(rows[row].lowerBound..<min(cursor, rows[row].upperBound)))
    }

    /// Moves the cursor `rows` rows down (up when negative) in a field `width` wide, to the
    /// character nearest its column. Returns false, and leaves the cursor, when there is no
    /// such row.
    public mutating func moveVertically(_ delta: Int, width: Int) -> Bool {
        let all = rows(width: width)
        let (row, column) = cursorPosition(width: width)
        let target = row + delta
        guard all.indices.contains(target) else { return false }
        let range = all[target]
        // The end of a row that wraps on is the start of the next: stop before it.
        let wrapsOn = target + 1 < all.count && all[target + 1].lowerBound == range.upperBound
        let last = wrapsOn ? max(range.lowerBound, range.upperBound - 1) : range.upperBound
        var index = range.lowerBound
        var used = 0
        while index < last {
            let width = DisplayWidth.of(characters[index])
            if used + width > column { break }
            used += width
            index += 1
        }
        cursor = index
        return true
    }

    /// Draws the field in `width` columns and `height` rows at (x, y): all of its rows when
    /// they fit, else `height` of them, those around the cursor when `focused` and the first
    /// otherwise, or from `firstRow` when given. Returns how many rows are hidden above and below.
    @discardableResult
    public func render(
        into buffer: inout ScreenBuffer, x: Int, y: Int, width: Int, height: Int,
        focused: Bool, firstRow: Int? = nil
    ) -> (above: Int, below: Int) {
        guard width > 1, height > 0 else { return (0, 0) }
        let all = rows(width: width)
        let position = cursorPosition(width: width)
        // Scrolled so that the cursor's row shows, with one row of what follows when there is one.
        let first = firstRow ?? (focused ? max(0, min(position.row - height + 2, all.count - height)) : 0)
        let style = Style(underline: true, dim: isSuggestion)
        for offset in 0..<height {
            buffer.fill(y: y + offset, from: x, to: x + width, style: style)
            guard all.indices.contains(first + offset) else { continue }
            buffer.put(String(characters[all[first + offset]]), x: x, y: y + offset, style: style, limit: width)
        }
        if focused, position.row >= first, position.row < first + height {
            buffer.cursor = (x + min(position.column, width - 1), y + position.row - first)
        }
        return (first, max(0, all.count - first - height))
    }

    /// Columns taken by the characters in `range`.
    private func columns(_ range: Range<Int>) -> Int {
        characters[range].reduce(0) { $0 + DisplayWidth.of($1) }
    }
}
