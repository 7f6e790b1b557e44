/// The selection in a list (or the scroll offset of a text) and how the list keys move it,
/// always kept inside the list: ratatui's `ListState` in spirit. Every list and scrolled text
/// of the screens moves through it, so that none can run past an end or stop short.
struct ListCursor: Equatable, Sendable {
    /// A move of the cursor.
    enum Move: Equatable, Sendable {
        /// One row up or down.
        case up, down
        /// `page` rows up or down.
        case pageUp, pageDown
        /// The first or the last row.
        case home, end

        /// The move a list key asks for: ↑ ↓ PgUp PgDn Home End (`moveUp`, `moveDown`,
        /// `pageUp`, `pageDown`, `moveFirst`, `moveLast`), else nil.
        init?(_ action: ActionID?) {
            switch action {
            case .moveUp?: self = .up
            case .moveDown?: self = .down
            case .pageUp?: self = .pageUp
            case .pageDown?: self = .pageDown
            case .moveFirst?: self = .home
            case .moveLast?: self = .end
            default: return nil
            }
        }
    }

    /// The selected row, from 0; 0 in an empty list.
    private(set) var selection: Int
    /// How many rows the list has (`Int.max` for a scroll offset that the view clamps).
    let count: Int
    /// How many rows a page move goes (at least 1).
    let page: Int

    /// A cursor on row `selection` of a list of `count` rows whose pages are `page` rows.
    init(_ selection: Int, count: Int, page: Int = 1) {
        self.selection = selection
        self.count = max(0, count)
        self.page = max(1, page)
    }

    /// The last row's index; 0 in an empty list.
    var last: Int { max(0, count - 1) }

    /// Moves the selection, first bringing it back inside the list (it may stand past the end
    /// after the list shrank), and never past either end.
    mutating func move(_ move: Move) {
        let from = min(max(0, selection), last)
        switch move {
        case .up: selection = max(0, from - 1)
        case .down: selection = min(last, from + 1)
        case .pageUp: selection = max(0, from - page)
        case .pageDown: selection = min(last, from + page)
        case .home: selection = 0
        case .end: selection = last
        }
    }

    /// The selection after `move`.
    func moved(_ move: Move) -> Int {
        var cursor = self
        cursor.move(move)
        return cursor.selection
    }

    /// The selection after the list key `action`; for any other action the selection as it
    /// is, brought inside the list.
    func moved(by action: ActionID?) -> Int {
        Move(action).map(moved) ?? min(max(0, selection), last)
    }

    /// The list keys on a list whose selected row opens in a detail view (an offer): while the
    /// detail is open (`detail` gives its lines and the rows it has on screen) every list key
    /// scrolls it (↑↓ a line, PgUp/PgDn a page, Home/End to its first or last line, the
    /// offset kept within `ScrollWindow.lastFirst`); otherwise they move the selection in the
    /// list of `count` rows.
    static func move(
        _ action: ActionID?, selection: inout Int, count: Int, page: Int,
        detailScroll: inout Int, detail: (lines: Int, height: Int)?
    ) {
        guard let move = Move(action) else { return }
        if let detail {
            let last = ScrollWindow.lastFirst(count: detail.lines, height: detail.height)
            detailScroll = ListCursor(min(detailScroll, last), count: last + 1, page: max(1, detail.height - 2)).moved(move)
        } else {
            selection = ListCursor(selection, count: count, page: page).moved(move)
        }
    }
}
