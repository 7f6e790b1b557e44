import CNcurses
import Foundation
import StepwiseUI
#if canImport(Glibc)
import Glibc
#endif

/// A real ncurses screen (`newterm`, xterm-256color, 80×24) whose output goes to a file, drawn
/// exactly as `TerminalDriver.draw` in Sources/stepwise draws: the changed runs of cells of
/// each row, then `refresh`. Keep the two in step. Measures what a key costs after the app
/// has rendered: the diff, ncurses' own work and the bytes it writes.
final class BenchScreen {
    private var previous: ScreenBuffer?
    private var colours = false
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let fd: Int32

    init(width: Int = 80, height: Int = 24) throws {
        setenv("LINES", String(height), 1)
        setenv("COLUMNS", String(width), 1)
        _ = sw_set_locale()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-screen-\(getpid())").path
        guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { throw BenchError("cannot open \(path)") }
        unlink(path)
        self.output = output
        self.input = input
        fd = fileno(output)
        guard newterm("xterm-256color", output, input) != nil else { throw BenchError("newterm failed (is the xterm-256color terminfo installed?)") }
        raw()
        noecho()
        nonl()
        keypad(sw_stdscr(), true)
        if has_colors() {
            start_color()
            use_default_colors()
            init_pair(1, Int16(COLOR_CYAN), -1)
            init_pair(2, Int16(COLOR_YELLOW), -1)
            init_pair(3, Int16(COLOR_RED), -1)
            colours = true
        }
    }

    func close() {
        endwin()
        fclose(output)
        fclose(input)
    }

    /// Bytes ncurses has written so far.
    var written: Int {
        var info = stat()
        fstat(fd, &info)
        return Int(info.st_size)
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

    /// The driver's draw: changed runs of cells, then the cursor, then `refresh`.
    func draw(_ frame: ScreenBuffer) {
        let old = previous.flatMap { $0.width == frame.width && $0.height == frame.height ? $0 : nil }
        if old == nil { erase() }
        for y in 0..<frame.height {
            var x = 0
            while x < frame.width {
                if let old, old[x, y] == frame[x, y] { x += 1; continue }
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
