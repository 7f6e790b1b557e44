import CNcurses
import Foundation
import StepwiseTerminal
import StepwiseUI

#if canImport(Glibc)
    import Glibc
#endif

/// A real ncurses screen (`newterm`, xterm-256color, 80×24) whose output goes to a file, drawn
/// by the terminal driver's own `ScreenPainter`. Measures what a key costs after the app
/// has rendered: the diff, ncurses' own work and the bytes it writes.
final class BenchScreen {
    private var painter: ScreenPainter?
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let fd: Int32

    init(width: Int = 80, height: Int = 24) throws {
        setenv("LINES", String(height), 1)
        setenv("COLUMNS", String(width), 1)
        _ = sw_use_utf8_ctype()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stepwise-bench-screen-\(getpid())").path
        guard let output = fopen(path, "w+"), let input = fopen("/dev/null", "r") else { throw BenchError("cannot open \(path)") }
        unlink(path)
        self.output = output
        self.input = input
        fd = fileno(output)
        guard newterm("xterm-256color", output, input) != nil else {
            throw BenchError("newterm failed (is the xterm-256color terminfo installed?)")
        }
        raw()
        noecho()
        nonl()
        keypad(sw_stdscr(), true)
        painter = ScreenPainter(colours: true)
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

    /// The driver's draw: the changed runs of cells, then the cursor, then `refresh`.
    func draw(_ frame: ScreenBuffer) { painter?.draw(frame) }
}
