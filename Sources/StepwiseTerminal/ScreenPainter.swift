import CNcurses
import StepwiseUI

/// Draws frames on the current ncurses screen: only the runs of cells that changed since the
/// last frame, then the cursor, then `refresh`. The terminal driver and the benchmark both
/// draw through it, so what is measured is what runs.
public final class ScreenPainter {
    private var previous: ScreenBuffer?
    private let colours: Bool

    /// A painter; `colours` sets up the colour pairs of the style roles (when the terminal has
    /// colours), else every role is drawn with attributes only.
    public init(colours: Bool) {
        if colours && has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_RED), -1)
            self.colours = true
        } else {
            self.colours = false
        }
    }

    /// Forgets the last frame, so that the next one is drawn whole (after a resize or Ctrl-L).
    public func forget() { previous = nil }

    /// Draws the changed runs of cells of each row, then places the cursor.
    public func draw(_ frame: ScreenBuffer) {
        let old = previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if old == nil { erase() }
        for y in 0..<frame.height {
            var x = 0
            while x < frame.width {
                if let old, old[x, y] == frame[x, y] {
                    x += 1
                    continue
                }
                // A run of changed cells in one style.
                let style = frame[x, y].style
                var text = ""
                var end = x
                while end < frame.width, frame[end, y].style == style, old.map({ $0[end, y] != frame[end, y] }) ?? true {
                    if !frame[end, y].isContinuation { text.append(frame[end, y].character) }
                    end += 1
                }
                if end == x { end = x + 1 }
                let (attr, pair) = attributes(style)
                attr_set(attr, pair, nil)
                mvaddstr(Int32(y), Int32(x), text)
                x = end
            }
        }
        attr_set(sw_a_normal(), 0, nil)
        if let cursor = frame.cursor {
            curs_set(1)
            move(Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        refresh()
        previous = frame
    }

    private func attributes(_ style: Style) -> (attr_t, Int16) {
        var attr = sw_a_normal()
        if style.bold { attr |= sw_a_bold() }
        if style.reverse { attr |= sw_a_reverse() }
        if style.underline { attr |= sw_a_underline() }
        if style.dim { attr |= sw_a_dim() }
        guard colours else { return (attr, 0) }
        switch style.role {
        case .accent: return (attr, 1)
        case .warning: return (attr, 2)
        case .error: return (attr, 3)
        case .normal, .muted: return (attr, 0)
        }
    }
}
