import CNcurses
import CStepwiseSignals
import Foundation
import StepwiseApp
import StepwiseTerminal
import StepwiseUI

/// The thin ncurses driver: reads keys, hands them to the app, and draws only the cells
/// that changed since the last frame.
final class TerminalDriver {
    private let app: App
    private let environment: [String: String]
    private var painter: ScreenPainter?

    init(app: App, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.app = app
        self.environment = environment
    }

    /// Milliseconds to wait after Esc for the rest of a key that starts with it (an arrow
    /// key sends Esc [ A): `$ESCDELAY` when it is a whole number 0…10000 (the variable
    /// ncurses documents in curs_variables(3X); a slow link needs more), else 25.
    static func escapeDelay(_ environment: [String: String]) -> Int32 {
        guard let text = environment["ESCDELAY"], let value = Int32(text.trimmingCharacters(in: .whitespaces)),
            (0...10_000).contains(value)
        else { return 25 }
        return value
    }

    /// Runs until the app quits or a quit signal arrives; always gives the terminal back.
    /// Returns the signal that ended it, or 0.
    func run() -> Int32 {
        stepwise_install_crash_handlers()
        stepwise_install_quit_handlers()
        stepwise_install_suspend_handler()
        initscr()
        raw()
        noecho()
        nonl()
        keypad(sw_stdscr(), true)
        set_escdelay(Self.escapeDelay(environment))
        timeout(200)
        KeyDecoder.defineKeys()
        stepwise_set_bracketed_paste(1)
        painter = ScreenPainter(colours: environment["NO_COLOR"].map { $0.isEmpty } ?? true)
        defer {
            app.shutdown()
            stepwise_set_bracketed_paste(0)
            endwin()
        }
        app.resize(width: Int(sw_cols()), height: Int(sw_lines()))
        draw()
        // The first frame may come from the caseload index alone; the files are checked now.
        app.confirmCaseload()
        while !app.state.quitting {
            let signal = stepwise_pending_signal()
            if signal != 0 { return signal }
            if stepwise_take_suspend_request() == 1 {
                suspend()
                continue
            }
            var character: wint_t = 0
            // The catalogue (or the whole caseload) read on another thread is shown soon after it
            // came, not a tick later.
            timeout(app.isReadingCatalogue || app.isReadingCaseload ? 20 : 200)
            let result = get_wch(&character)
            timeout(200)
            if result == ERR {
                // Saves kept while a lock was held elsewhere are tried again when no key comes.
                let confirmed = app.takeConfirmedCaseload()
                let reported = app.takeReport()
                let retried = app.retryPending()
                if app.idle() || confirmed || reported || retried { draw() }
                continue
            }
            switch KeyDecoder.decode(result: result, code: UInt32(character)) {
            case .resize?:
                resized()
            case .pasteStart?:
                app.handle(.paste(readPaste()))
            case .key(.ctrl("z"))?:
                suspend()
                continue
            case .key(.escape)?:
                guard let key = afterEscape() else { continue }
                app.handle(key)
            case .key(let key)?:
                if key == .ctrl("l") {
                    clearok(sw_stdscr(), true)
                    painter?.forget()
                }
                app.handle(key)
            case .pasteEnd?, .text?, nil:
                continue
            }
            draw()
            // A record just opened is drawn before its notes and ratings are read; drawn again
            // once they are (closed, with the reason, when they cannot be read).
            if app.completeRecord() { draw() }
        }
        return 0
    }

    private func draw() { painter?.draw(app.render()) }

    private func resized() {
        app.resize(width: Int(sw_cols()), height: Int(sw_lines()))
        painter?.forget()
    }

    /// What Esc means, given what came right behind it: Alt-Enter (terminals send Esc CR) is
    /// the key for a new line, like Ctrl-J; `[` or `O` begin an escape sequence ncurses did
    /// not know for this terminal, read whole and taken as the key it names or as nothing
    /// (Home sent as `ESC [1~` under a TERM that expects `ESC OH` is Home, not Esc and
    /// letters); anything else is kept for the next read and Esc is Esc.
    private func afterEscape() -> Key? {
        timeout(0)
        defer { timeout(200) }
        var next: wint_t = 0
        let result = get_wch(&next)
        guard result != ERR else { return .escape }
        guard result != sw_key_code_yes() else {
            ungetch(Int32(next))
            return .escape
        }
        switch next {
        case 13: return .ctrl("j")
        case 0x5B, 0x4F:  // "[" or "O"
            return KeyDecoder.key(afterEscape: readSequence(introducer: next == 0x5B ? "[" : "O"))
        default:
            unget_wch(wchar_t(next))
            return .escape
        }
    }

    /// The rest of an escape sequence after its introducer, as far as it is already there: one
    /// character after `O`, parameter bytes and a final byte after `[` (at most 16 characters),
    /// each waited for at most 50 ms (a sequence split by a slow connection). A character that
    /// cannot belong to the sequence is kept for the next read.
    private func readSequence(introducer: Character) -> String {
        timeout(50)
        var sequence = String(introducer)
        for _ in 0..<16 {
            var next: wint_t = 0
            guard get_wch(&next) == OK, let scalar = Unicode.Scalar(next) else { break }
            if introducer == "O" || KeyDecoder.endsSequence(scalar) {
                sequence.unicodeScalars.append(scalar)
                break
            }
            guard KeyDecoder.continuesSequence(scalar) else {
                unget_wch(wchar_t(next))
                break
            }
            sequence.unicodeScalars.append(scalar)
        }
        return sequence
    }

    /// Reads pasted text up to its end marker. A paste whose end never comes (the
    /// connection dropped) ends after two seconds of quiet.
    private func readPaste() -> String {
        var text = String.UnicodeScalarView()
        var quietReads = 0
        while quietReads < 10, stepwise_pending_signal() == 0 {
            var character: wint_t = 0
            let result = get_wch(&character)
            if result == ERR {
                quietReads += 1
                continue
            }
            quietReads = 0
            switch KeyDecoder.decodePasted(result: result, code: UInt32(character)) {
            case .pasteEnd?: return String(text)
            case .text(let scalar)?: text.append(scalar)
            case .resize?: resized()
            default: continue
            }
        }
        return String(text)
    }

    /// Ctrl-Z or SIGTSTP: gives the shell its terminal (bracketed paste off), stops until
    /// `fg`, then takes the terminal again and draws the whole screen.
    private func suspend() {
        stepwise_set_bracketed_paste(0)
        endwin()
        stepwise_stop_until_continued()
        refresh()
        stepwise_set_bracketed_paste(1)
        clearok(sw_stdscr(), true)
        resized()
        draw()
    }
}
