import CNcurses
import CStepwiseSignals
import Foundation
import StepwiseTerminal
import StepwiseApp
import StepwiseUI

/// The thin ncurses driver: reads keys, hands them to the app, and draws only the cells
/// that changed since the last frame.
final class TerminalDriver {
    private let app: App
    private var painter: ScreenPainter?

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
        painter = ScreenPainter(colours: ProcessInfo.processInfo.environment["NO_COLOR"].map { $0.isEmpty } ?? true)
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
                painter?.forget()
            } else if let key = KeyDecoder.decode(result: result, code: UInt32(character)) {
                if key == .ctrl("l") {
                    clearok(sw_stdscr(), true)
                    painter?.forget()
                }
                app.handle(key)
            }
            draw()
        }
        return 0
    }

    private func draw() { painter?.draw(app.render()) }
}
