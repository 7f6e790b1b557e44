import CNcurses
import CStepwiseSignals
import Foundation
import StepwiseUI

/// The thin ncurses driver: reads keys, hands them to the app, and draws only the cells
/// that changed since the last frame.
final class TerminalDriver {
    private let app: App
    private var previous: ScreenBuffer?
    private var colours = false

    init(app: App) { self.app = app }

    /// Runs until the app quits or a quit signal arrives; always gives the terminal back.
    /// Returns the signal that ended it, or 0.
    func run() -> Int32 {
        stepwise_install_crash_handlers()
        stepwise_install_quit_handlers()
        _ = sw_set_locale()
        initscr()
        raw()
        noecho()
        nonl()
        keypad(sw_stdscr(), true)
        set_escdelay(25)
        timeout(200)
        setUpColours()
        defer {
            app.shutdown()
            endwin()
        }
        app.resize(width: Int(sw_cols()), height: Int(sw_lines()))
        draw()
        while !app.state.quitting {
            let signal = stepwise_pending_signal()
            if signal != 0 { return signal }
            var character: wint_t = 0
            let result = get_wch(&character)
            if result == ERR { continue }
            if result == sw_key_code_yes() && Int32(character) == sw_key_resize() {
                app.resize(width: Int(sw_cols()), height: Int(sw_lines()))
                previous = nil
            } else if let key = KeyDecoder.decode(result: result, code: UInt32(character)) {
                if key == .ctrl("l") {
                    clearok(sw_stdscr(), true)
                    previous = nil
                }
                app.handle(key)
            }
            draw()
        }
        return 0
    }

    private func setUpColours() {
        guard ProcessInfo.processInfo.environment["NO_COLOR"].map({ $0.isEmpty }) ?? true, has_colors() else { return }
        start_color()
        use_default_colors()
        init_pair(1, Int16(COLOR_CYAN), -1)
        init_pair(2, Int16(COLOR_YELLOW), -1)
        init_pair(3, Int16(COLOR_RED), -1)
        colours = true
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

    /// Draws the changed runs of cells of each row, then places the cursor.
    private func draw() {
        let frame = app.render()
        let old = previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if old == nil { erase() }
        for y in 0..<frame.height {
            var x = 0
            while x < frame.width {
                if let old, old[x, y] == frame[x, y] { x += 1; continue }
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
}
