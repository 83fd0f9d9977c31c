/// One nftables table (family `inet`) as text for `nft -f -`: base chains
/// hooked into the stack and regular chains they jump to.
///
/// The text first declares and deletes the table, so applying it again
/// replaces the previous version atomically instead of adding to it.
public struct NftablesRuleset: Sendable, Hashable {
    public struct Chain: Sendable, Hashable {
        /// A base chain's hook (`input`, `output`); nil for a chain reached by `jump`.
        public var hook: String?
        /// `accept` or `drop` for base chains: what happens when no rule decided.
        public var policy: String?
        public var name: String
        /// Lines shown as `#` comments at the top of the chain.
        public var notes: [String]
        public var rules: [String]

        public init(name: String, hook: String? = nil, policy: String? = nil, notes: [String] = [], rules: [String] = []) {
            self.name = name
            self.hook = hook
            self.policy = policy
            self.notes = notes
            self.rules = rules
        }
    }

    public var table: String
    /// Lines shown as `#` comments before the table.
    public var header: [String]
    public var chains: [Chain]

    public init(table: String, header: [String] = [], chains: [Chain] = []) {
        self.table = table
        self.header = header
        self.chains = chains
    }

    /// The ruleset in `nft -f` syntax.
    public var text: String {
        var lines = header.map { "# \(NftablesSyntax.commentLine($0))" }
        lines.append("table inet \(table)")
        lines.append("delete table inet \(table)")
        lines.append("table inet \(table) {")
        for (index, chain) in chains.enumerated() {
            if index > 0 { lines.append("") }
            lines.append(contentsOf: render(chain))
        }
        lines.append("}")
        return lines.joined(separator: "\n") + "\n"
    }

    private func render(_ chain: Chain) -> [String] {
        var lines = ["\tchain \(chain.name) {"]
        lines += chain.notes.map { "\t\t# \(NftablesSyntax.commentLine($0))" }
        if let hook = chain.hook {
            lines.append("\t\ttype filter hook \(hook) priority filter; policy \(chain.policy ?? "accept");")
        }
        lines += chain.rules.map { "\t\t\($0)" }
        lines.append("\t}")
        return lines
    }
}
