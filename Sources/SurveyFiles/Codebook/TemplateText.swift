import Foundation

/// Text rules for reading a data-return template: question ids from headers and code-sheet titles,
/// question texts, and the loose keys used to pair headers, blocks and sheet names.
enum TemplateText {
    /// `q15a` from `Q15[a] - …`, `q3a` from `Q3a - …`, `q1` from `Q1 - …`; nil otherwise.
    static func questionID(_ header: String) -> String? {
        let chars = Array(header.templateTrimmed)
        guard chars.first == "Q" || chars.first == "q" else { return nil }
        var i = 1
        var number = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { number.append(chars[i]); i += 1 }
        guard !number.isEmpty else { return nil }
        var letter = ""
        if i < chars.count, chars[i] == "[" { i += 1 }
        if i < chars.count, chars[i].isASCII, chars[i].isLetter, chars[i].isLowercase { letter = String(chars[i]); i += 1 }
        if i < chars.count, chars[i] == "]" { i += 1 }
        while i < chars.count, chars[i] == " " { i += 1 }
        guard i < chars.count, isDash(chars[i]) else { return nil }
        return "q" + number + letter
    }

    /// The id a codes-sheet title names: its own (`Q3a - …`), or the number with the sub-item
    /// letter that the title lists after the question (`Q14 - … today.\na. Pain …` → `q14a`).
    static func blockQuestionID(_ title: String) -> String? {
        guard let id = questionID(title) else { return nil }
        if let last = id.last, last.isLetter { return id }
        let body = Array(questionText(title))
        for i in 0..<max(0, body.count - 2) where ("a"..."f").contains(String(body[i])) && body[i + 1] == "." && body[i + 2] == " " {
            if i == 0 || body[i - 1] == " " { return id + String(body[i]) }
        }
        return id
    }

    /// The header after its first " - ", line breaks as spaces, trimmed.
    static func questionText(_ header: String) -> String {
        let flat = header.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ").templateTrimmed
        guard let range = flat.range(of: " - ") else { return flat }
        return String(flat[range.upperBound...])
    }

    /// Letters and digits only, lower case, curly quotes and dashes folded: for sheet names.
    static func matchKey(_ text: String) -> String {
        String(text.lowercased().unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// An admin header or code-sheet title without its parenthesised notes, as a match key.
    static func adminKey(_ text: String) -> String {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return matchKey(out)
    }

    /// Question text as a match key (case, spacing, quotes and punctuation ignored).
    static func textKey(_ text: String) -> String { matchKey(text) }

    static func isDash(_ ch: Character) -> Bool { ch == "-" || ch == "–" || ch == "—" }
}

extension String {
    var templateTrimmed: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}

extension TemplateText {
    /// The words of an admin header without parenthesised notes (for a new field's name).
    static func adminWords(_ text: String) -> [String] {
        var out = ""
        var depth = 0
        for ch in text {
            if ch == "(" { depth += 1 } else if ch == ")" { depth = max(0, depth - 1) } else if depth == 0 { out.append(ch) }
        }
        return out.split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
