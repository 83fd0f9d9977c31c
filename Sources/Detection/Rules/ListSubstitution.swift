/// Falco's `resolve_list`: list names in a condition's text, bounded by
/// blanks, parentheses, commas or `=`, are replaced by the list's items
/// (items containing a space are double-quoted) before parsing.
enum ListSubstitution {
    static let blanks: Set<Character> = [" ", "\t", "\n", "\r"]
    static let delimiters: Set<Character> = blanks.union(["(", ")", ",", "="])
    /// Bounds the result so self-referencing substitutions cannot explode.
    static let maxLength = 4 << 20

    /// Substitutes `name` in `condition`; returns nil when it does not occur.
    static func substitute(_ name: String, items: [String], in condition: String) -> String? {
        guard !name.isEmpty, condition.contains(name) else { return nil }
        var text = Array(condition)
        let needle = Array(name)
        let replacement = Array(items.map(quote).joined(separator: ", "))
        var used = false
        var start = find(needle, in: text, from: 0)
        while let found = start {
            var begin = found
            var end = found + needle.count
            let boundedLeft = begin == 0 || delimiters.contains(text[begin - 1])
            let boundedRight = end >= text.count || delimiters.contains(text[end])
            if boundedLeft, boundedRight {
                while begin > 0, blanks.contains(text[begin - 1]) { begin -= 1 }
                while end < text.count, blanks.contains(text[end]) { end += 1 }
                if replacement.isEmpty {
                    if begin > 0, text[begin - 1] == "," { begin -= 1 } else if end < text.count, text[end] == "," { end += 1 }
                }
                var rebuilt: [Character] = []
                if begin > 0 { rebuilt += text[0..<begin] + [" "] }
                rebuilt += replacement + [" "]
                rebuilt += text[end...]
                guard rebuilt.count <= maxLength else { return String(text) }
                text = rebuilt
                used = true
                start = find(needle, in: text, from: begin + replacement.count + 2)
            } else {
                start = find(needle, in: text, from: found + 1)
            }
        }
        return used ? String(text) : nil
    }

    static func find(_ needle: [Character], in text: [Character], from: Int) -> Int? {
        guard !needle.isEmpty, from >= 0, text.count >= needle.count, from <= text.count - needle.count else { return nil }
        for index in from...(text.count - needle.count) where text[index] == needle[0] {
            if text[index..<(index + needle.count)].elementsEqual(needle) { return index }
        }
        return nil
    }

    /// Falco's `quote_item`: items with a space get double quotes unless already quoted.
    static func quote(_ item: String) -> String {
        guard item.contains(" "), let first = item.first, first != "\"", first != "'" else { return item }
        return "\"" + item + "\""
    }
}
