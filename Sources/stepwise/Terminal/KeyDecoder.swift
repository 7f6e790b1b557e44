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

    /// The key meant by an escape sequence that ncurses did not know for this terminal (it gave
    /// Esc and then the rest as characters). `sequence` is what came after Esc: `[` and a
    /// control sequence (ECMA-48 CSI: parameter bytes, then one final byte) or `O` and one
    /// character (SS3). Home and End as vt220, rxvt and xterm send them, the arrows, Page
    /// Up/Down, Delete and Shift-Tab are known; nil for any other sequence, which is one key
    /// that means nothing (never Esc and letters).
    static func key(afterEscape sequence: String) -> Key? {
        switch sequence {
        case "[1~", "[7~", "[H", "OH": return .home
        case "[4~", "[8~", "[F", "OF": return .end
        case "[A", "OA": return .up
        case "[B", "OB": return .down
        case "[C", "OC": return .right
        case "[D", "OD": return .left
        case "[5~": return .pageUp
        case "[6~": return .pageDown
        case "[3~": return .delete
        case "[Z": return .backTab
        case "OP", "[11~": return .f1
        default: return nil
        }
    }

    /// True when `scalar` ends a control sequence begun with `ESC [` (ECMA-48 § 5.4: a final
    /// byte is 0x40–0x7E); parameter and intermediate bytes (0x20–0x3F) do not.
    static func endsSequence(_ scalar: Unicode.Scalar) -> Bool {
        (0x40...0x7E).contains(scalar.value)
    }

    /// True when `scalar` can stand inside a control sequence before its final byte.
    static func continuesSequence(_ scalar: Unicode.Scalar) -> Bool {
        (0x20...0x3F).contains(scalar.value)
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
