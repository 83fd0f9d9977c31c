import Foundation

/// A table as cyclonus prints it (tablewriter with row lines and merged
/// cells): rows lie between `+---+` borders; a cell whose border above is
/// blanks instead of dashes repeats the cell above it.
struct CyclonusTable: Sendable {
    /// Header cells, upper case as printed.
    var header: [String]
    /// Each row's cells; each cell is its lines, trimmed, empty lines dropped.
    var rows: [[[String]]]
    /// The line after the table's last border.
    var endLine: Int

    /// Reads the table whose first border is `lines[start]`; nil when it is not a border.
    static func parse(_ lines: [String], from start: Int) -> CyclonusTable? {
        guard start < lines.count, lines[start].hasPrefix("+") else { return nil }
        let bounds = lines[start].indices.filter { lines[start][$0] == "+" }.map { lines[start].distance(from: lines[start].startIndex, to: $0) }
        guard bounds.count >= 2 else { return nil }
        var groups: [(border: String, lines: [String])] = []
        var border = lines[start]
        var index = start + 1
        var current: [String] = []
        while index < lines.count, let first = lines[index].first, first == "|" || first == "+" {
            if first == "+" {
                if !current.isEmpty { groups.append((border, current)) }
                border = lines[index]
                current = []
            } else {
                current.append(lines[index])
            }
            index += 1
        }
        if !current.isEmpty { groups.append((border, current)) }
        guard let headerGroup = groups.first else { return nil }
        let header = cells(of: headerGroup.lines, bounds: bounds).map { $0.joined(separator: " ") }
        var rows: [[[String]]] = []
        var previous: [[String]]?
        for group in groups.dropFirst() {
            var row = cells(of: group.lines, bounds: bounds)
            for column in row.indices where row[column].isEmpty && isMerged(group.border, column: column, bounds: bounds) {
                row[column] = previous?[column] ?? []
            }
            previous = row
            if row.contains(where: { !$0.isEmpty }) { rows.append(row) }
        }
        return CyclonusTable(header: header, rows: rows, endLine: index)
    }

    /// The first table at or after `start` (skipping non-border lines), nil at end of input.
    static func next(_ lines: [String], from start: Int) -> CyclonusTable? {
        var index = start
        while index < lines.count {
            if lines[index].hasPrefix("+") { return parse(lines, from: index) }
            index += 1
        }
        return nil
    }

    private static func cells(of lines: [String], bounds: [Int]) -> [[String]] {
        var cells = Array(repeating: [String](), count: bounds.count - 1)
        for line in lines {
            let characters = Array(line)
            for column in 0..<(bounds.count - 1) {
                let low = bounds[column] + 1, high = min(bounds[column + 1], characters.count)
                guard low < high else { continue }
                let text = String(characters[low..<high]).trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { cells[column].append(text) }
            }
        }
        return cells
    }

    private static func isMerged(_ border: String, column: Int, bounds: [Int]) -> Bool {
        let characters = Array(border)
        let low = bounds[column] + 1, high = min(bounds[column + 1], characters.count)
        guard low < high else { return false }
        return characters[low..<high].allSatisfy { $0 == " " }
    }
}
