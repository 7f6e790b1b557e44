import Foundation

/// Writes a PDF file (ISO 32000-1) object by object: numbered objects, streams with their
/// exact `/Length`, a cross-reference table and a trailer. Streams are stored uncompressed;
/// the file starts with a comment of high bytes so that programs treat it as binary (7.5.2).
struct PDFWriter {
    private var objects: [Data?] = []

    /// Reserves an object number to be filled in later with `set`.
    mutating func reserve() -> Int {
        objects.append(nil)
        return objects.count
    }

    /// Adds an object (a dictionary, array, number, …) written as `body`; returns its number.
    @discardableResult
    mutating func add(_ body: String) -> Int {
        let number = reserve()
        set(number, body)
        return number
    }

    /// Adds a stream with the entries of `dictionary` (without `/Length`) and its bytes.
    @discardableResult
    mutating func addStream(_ dictionary: String, _ data: Data) -> Int {
        let number = reserve()
        setStream(number, dictionary, data)
        return number
    }

    mutating func set(_ number: Int, _ body: String) {
        objects[number - 1] = Data(body.utf8)
    }

    mutating func setStream(_ number: Int, _ dictionary: String, _ data: Data) {
        var body = Data("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8)
        body.append(data)
        body.append(Data("\nendstream".utf8))
        objects[number - 1] = body
    }

    /// The whole file, with `root` as the document catalog and `info` as the document
    /// information dictionary.
    func finish(root: Int, info: Int) -> Data {
        var out = Data("%PDF-1.7\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, body) in objects.enumerated() {
            offsets.append(out.count)
            out.append(Data("\(index + 1) 0 obj\n".utf8))
            out.append(body ?? Data("null".utf8))
            out.append(Data("\nendobj\n".utf8))
        }
        let xref = out.count
        var table = PDFBytes(capacity: 128 + 20 * offsets.count)
        table.append("xref\n0 \(objects.count + 1)\n0000000000 65535 f \n")
        for offset in offsets {
            table.append(decimal: UInt(offset), width: 10)
            table.append(" 00000 n \n")
        }
        table.append("trailer\n<< /Size \(objects.count + 1) /Root \(root) 0 R /Info \(info) 0 R >>\nstartxref\n\(xref)\n%%EOF\n")
        out.append(contentsOf: table.bytes)
        return out
    }

    // MARK: - Values

    /// A text string (7.9.2.2): UTF-16BE with a byte order mark, written in hexadecimal.
    static func text(_ string: String) -> String {
        var out = PDFBytes()
        out.append(text: string)
        return out.text
    }

    /// A number with at most two decimals and no exponent, e.g. `12.5`, `-3`.
    static func number(_ value: Double) -> String {
        var out = PDFBytes()
        out.append(number: value)
        return out.text
    }
}
