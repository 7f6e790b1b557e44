import CNcurses
import StepwiseUI

/// What one read from the terminal means.
enum TerminalInput: Equatable {
    case key(Key)
    /// The window changed size.
    case resize
    /// `ESC [200~`: what follows until `pasteEnd` was pasted (xterm's bracketed paste mode 2004).
    case pasteStart
    /// `ESC [201~`: the end of pasted text.
    case pasteEnd
    /// A character inside pasted text, taken as it is (a line break, a tab, a letter).
    case text(Unicode.Scalar)
}

/// Translates what `get_wch` returns into keys.
enum KeyDecoder {
    /// Key codes given to the bracketed paste markers (above ncurses' own KEY_MAX, 0777).
    private static let pasteStartCode: Int32 = 0o1001
    private static let pasteEndCode: Int32 = 0o1002

    /// Teaches ncurses the bracketed paste markers, so that they arrive as one code each
    /// instead of Esc and four characters.
    static func defineKeys() {
        define_key("\u{1B}[200~", pasteStartCode)
        define_key("\u{1B}[201~", pasteEndCode)
    }

    /// The meaning of one `get_wch` result outside pasted text; nil for what means nothing.
    static func decode(result: Int32, code: UInt32) -> TerminalInput? {
        if result == sw_key_code_yes() {
            switch Int32(code) {
            case sw_key_resize(): return .resize
            case pasteStartCode: return .pasteStart
            case pasteEndCode: return .pasteEnd
            case KEY_UP: return .key(.up)
            case KEY_DOWN: return .key(.down)
            case KEY_LEFT: return .key(.left)
            case KEY_RIGHT: return .key(.right)
            case KEY_HOME: return .key(.home)
            case KEY_END: return .key(.end)
            case KEY_PPAGE: return .key(.pageUp)
            case KEY_NPAGE: return .key(.pageDown)
            case KEY_BACKSPACE: return .key(.backspace)
            case KEY_DC: return .key(.delete)
            case KEY_BTAB: return .key(.backTab)
            case KEY_ENTER: return .key(.enter)
            case KEY_F0 + 1: return .key(.f1)
            default: return nil
            }
        }
        switch code {
        case 9: return .key(.tab)
        // Enter sends CR (the terminal does not turn it into LF: `nonl`); LF is Ctrl-J.
        case 13: return .key(.enter)
        case 27: return .key(.escape)
        case 8, 127: return .key(.backspace)
        case 1...26: return .key(.ctrl(Character(Unicode.Scalar(code + 96) ?? "?")))
        case 0...31: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.char(Character(scalar)))
        }
    }

    /// The meaning of one `get_wch` result inside pasted text: every character is text
    /// (control characters too; the field decides what to keep), keys other than the end
    /// marker, Enter and a resize mean nothing.
    static func decodePasted(result: Int32, code: UInt32) -> TerminalInput? {
        guard result == sw_key_code_yes() else { return Unicode.Scalar(code).map { .text($0) } }
        switch Int32(code) {
        case pasteEndCode: return .pasteEnd
        case sw_key_resize(): return .resize
        case KEY_ENTER: return .text("\r")
        default: return nil
        }
    }
}
