import Foundation

/// The report written out: plain text, Markdown, HTML, CSV (RFC 4180) and JSON (the shape
/// published as `Resources/schema/report.schema.json`). Every format holds the same tables;
/// withheld counts read "< 5" and shares, rates and medians made from them a word ("hidden",
/// `report.hidden`) in the human formats and `null` with `"suppressed": true` in JSON.
extension Report {
    /// The formats `report` can be written in.
    public enum Format: String, CaseIterable, Sendable { case text, markdown, html, csv, json }

    /// The report in `format`, with words in `strings`' language.
    public func written(as format: Format, strings: Localizer) -> String {
        switch format {
        case .text: return text(strings)
        case .markdown: return markdown(strings)
        case .html: return html(strings)
        case .csv: return csv()
        case .json: return json()
        }
    }

    /// A cell as a person reads it, in the language's number style.
    public static func words(_ cell: ReportCell, strings: Localizer) -> String {
        switch cell {
        case .count(let n): return String(n)
        case .share(let share): return decimal(share * 100, digits: 0, strings: strings) + " %"
        case .number(let value): return decimal(value, digits: value == value.rounded() ? 0 : 1, strings: strings)
        case .suppressed: return "< \(ReportTable.threshold)"
        case .withheld: return strings("report.hidden")
        case .none: return "–"
        }
    }

    /// What "< 5", a hidden figure and "–" mean, for the head of every human format and the
    /// report screen.
    public static func legend(_ strings: Localizer) -> String {
        strings(
            "report.suppression",
            ["n": String(ReportTable.threshold), "hidden": words(.withheld, strings: strings), "none": words(.none, strings: strings)])
    }

    /// A number with `digits` decimals and the language's decimal separator.
    static func decimal(_ value: Double, digits: Int, strings: Localizer) -> String {
        let formatter = NumberFormatter()
        formatter.locale = Locale(identifier: strings.language)
        formatter.numberStyle = .decimal
        formatter.minimumFractionDigits = digits
        formatter.maximumFractionDigits = digits
        return formatter.string(from: NSNumber(value: value)) ?? String(value)
    }

    private func heading(_ s: Localizer) -> (title: String, period: String, filters: [String]) {
        var filters: [String] = []
        if let coach = query.coach { filters.append(s("report.filter.coach", ["name": coach])) }
        if let kind = query.offerKind { filters.append(s("report.filter.kind", ["kind": OfferKind.name(kind, in: s)])) }
        if let language = query.language { filters.append(s("report.filter.language", ["language": language])) }
        if let cohort = query.cohort {
            filters.append(s("report.filter.cohort", ["from": s.shortDate(cohort.lowerBound), "to": s.shortDate(cohort.upperBound)]))
        }
        if unreadable > 0 { filters.append(s("report.unreadable", ["n": String(unreadable)])) }
        filters.append(Report.legend(s))
        return (s("report.title"), s("report.period", ["from": s.shortDate(query.from), "to": s.shortDate(query.to)]), filters)
    }

    private func text(_ s: Localizer) -> String {
        let head = heading(s)
        var lines = [head.title, head.period] + head.filters
        for table in tables {
            lines += ["", table.title, String(repeating: "=", count: DisplayWidth.of(table.title))]
            let labelWidth = max(12, (table.rows.map { DisplayWidth.of($0.label) } + [0]).max() ?? 0)
            let cells = table.rows.map { $0.cells.map { Report.words($0, strings: s) } }
            let widths = table.columns.indices.map { c in
                max(DisplayWidth.of(table.columns[c]), cells.map { DisplayWidth.of($0[c]) }.max() ?? 0)
            }
            lines.append(
                Report.pad("", to: labelWidth) + zip(table.columns, widths).map { "  " + Report.pad($0, to: $1, right: true) }.joined())
            for (row, values) in zip(table.rows, cells) {
                lines.append(
                    Report.pad(row.label, to: labelWidth)
                        + zip(values, widths).map { "  " + Report.pad($0, to: $1, right: true) }.joined())
            }
            if let note = table.note { lines.append(note) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private func markdown(_ s: Localizer) -> String {
        let head = heading(s)
        var lines = ["# " + Report.markdownText(head.title), "", Report.markdownText(head.period), ""]
        lines += head.filters.map { "- " + Report.markdownText($0) }
        for table in tables {
            lines += ["", "## " + Report.markdownText(table.title), ""]
            lines.append("| | " + table.columns.map(Report.markdownText).joined(separator: " | ") + " |")
            lines.append("|---|" + table.columns.map { _ in "---:|" }.joined())
            for row in table.rows {
                lines.append(
                    "| " + Report.markdownText(row.label) + " | "
                        + row.cells.map { Report.markdownText(Report.words($0, strings: s)) }.joined(separator: " | ") + " |")
            }
            if let note = table.note { lines += ["", Report.markdownText(note)] }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `text` padded with spaces to `width` columns (on the left when `right`).
    private static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
        let fill = String(repeating: " ", count: max(0, width - DisplayWidth.of(text)))
        return right ? fill + text : text + fill
    }

    private static func markdownText(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\`*_{}[]<>()#+-.!|".contains(character) { out.append("\\") }
            out.append(character == "\n" ? " " : character)
        }
        return out
    }

    private func html(_ s: Localizer) -> String {
        let head = heading(s)
        var body = "<h1>\(Report.escape(head.title))</h1>\n<p>\(Report.escape(head.period))</p>\n<ul>\n"
        body += head.filters.map { "<li>\(Report.escape($0))</li>\n" }.joined() + "</ul>\n"
        for table in tables {
            body += "<h2>\(Report.escape(table.title))</h2>\n<table>\n<thead><tr><th></th>"
            body += table.columns.map { "<th>\(Report.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in table.rows {
                body += "<tr><th scope=\"row\">\(Report.escape(row.label))</th>"
                body += row.cells.map { "<td>\(Report.escape(Report.words($0, strings: s)))</td>" }.joined() + "</tr>\n"
            }
            body += "</tbody>\n</table>\n"
            if let note = table.note { body += "<p class=\"note\">\(Report.escape(note))</p>\n" }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(Report.escape(s.language))">
            <head>
            <meta charset="utf-8">
            <title>\(Report.escape(head.title))</title>
            <style>
            body { font-family: sans-serif; margin: 2em; color: #111; }
            table { border-collapse: collapse; margin-bottom: 1em; }
            th, td { border: 1px solid #999; padding: 0.2em 0.6em; }
            td { text-align: right; }
            th[scope=row] { text-align: left; font-weight: normal; }
            .note { font-size: 0.9em; color: #444; }
            @media print { body { margin: 0; } h2 { break-after: avoid; } table { break-inside: avoid; } }
            </style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// One line per figure: table, row, column, value (a count, a share 0…1 or a number, with a
    /// point as the decimal separator), and whether it was withheld. Names are
    /// `CSVTable.protect`ed (a leading `'` before `=`, `+`, `-`, `@` …).
    private func csv() -> String {
        var lines = ["table,row,column,value,suppressed"]
        for table in tables {
            for row in table.rows {
                for (column, cell) in zip(table.columnIDs, row.cells) {
                    let (value, withheld) = Report.machineValue(cell)
                    // Names (a kind of one's own may be typed as "=…") stay text in a spreadsheet.
                    let names = [table.id, row.id, column].map(CSVTable.protect)
                    lines.append(
                        (names + [value.map { "\($0)" } ?? "", withheld ? "true" : "false"])
                            .map { CSVTable.quote($0, separator: ",") }.joined(separator: ","))
                }
            }
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    private static func machineValue(_ cell: ReportCell) -> (Double?, Bool) {
        switch cell {
        case .count(let n): return (Double(n), false)
        case .share(let share): return ((share * 10_000).rounded() / 10_000, false)
        case .number(let value): return (value, false)
        case .suppressed, .withheld: return (nil, true)
        case .none: return (nil, false)
        }
    }

    private func json() -> String {
        let document: [String: Any] = [
            "schemaVersion": 1,
            "made": today.iso,
            "period": ["from": query.from.iso, "to": query.to.iso],
            "filters": [
                "coach": query.coach as Any? ?? NSNull(), "offerKind": query.offerKind as Any? ?? NSNull(),
                "language": query.language as Any? ?? NSNull(),
                "cohort": query.cohort.map { ["from": $0.lowerBound.iso, "to": $0.upperBound.iso] } as Any? ?? NSNull(),
                "minimumIndicators": query.minimumIndicators,
            ],
            "suppressionThreshold": ReportTable.threshold,
            "unreadableFiles": unreadable,
            "tables": tables.map { table -> [String: Any] in
                [
                    "id": table.id, "title": table.title, "columns": table.columnIDs,
                    "rows": table.rows.map { row -> [String: Any] in
                        [
                            "id": row.id, "label": row.label,
                            "cells": row.cells.map { cell -> [String: Any] in
                                let (value, withheld) = Report.machineValue(cell)
                                return ["value": value.map { $0 as Any } ?? NSNull(), "suppressed": withheld]
                            },
                        ]
                    },
                ]
            },
        ]
        guard let data = try? JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys]) else {
            return "{}\n"
        }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
