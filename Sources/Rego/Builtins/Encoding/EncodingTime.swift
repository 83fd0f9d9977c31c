import PalisadeCore

/// time.* builtins, following Go's time package as OPA uses it.
enum EncodingTime {
    static var builtins: [Builtin] {
        [
            Builtin("time.now_ns", arity: 0, nondeterministic: true) { _, ctx in
                .int(Int(ctx.nowNanoseconds))
            },
            Builtin("time.parse_ns", arity: 2) { args, _ in
                var layout = try args.string(0)
                let value = try args.string(1)
                layout = EncodingGoLayoutElement.namedLayouts[layout] ?? layout
                return try safeNanos(try parse(layout: layout, value: value, args: args), args: args)
            },
            Builtin("time.parse_rfc3339_ns", arity: 1) { args, _ in
                let value = try args.string(0)
                return try safeNanos(try parse(layout: "2006-01-02T15:04:05Z07:00", value: value, args: args), args: args)
            },
            Builtin("time.parse_duration_ns", arity: 1) { args, _ in
                do {
                    return .int(Int(try EncodingGoDuration.parse(try args.string(0))))
                } catch let error as EncodingGoDuration.ParseError {
                    throw args.failure(error.message)
                }
            },
            Builtin("time.format", arity: 1) { args, ctx in
                let (t, layout) = try timeOperand(args, 0, ctx)
                let resolved = layout.isEmpty ? "2006-01-02T15:04:05.999999999Z07:00"
                    : (EncodingGoLayoutElement.namedLayouts[layout] ?? layout)
                return .string(EncodingGoTimeFormatter.format(t, layout: resolved))
            },
            Builtin("time.date", arity: 1) { args, ctx in
                let (y, m, d) = try timeOperand(args, 0, ctx).0.date
                return .array([.int(Int(y)), .int(m), .int(d)])
            },
            Builtin("time.clock", arity: 1) { args, ctx in
                let (h, m, s) = try timeOperand(args, 0, ctx).0.clock
                return .array([.int(h), .int(m), .int(s)])
            },
            Builtin("time.weekday", arity: 1) { args, ctx in
                .string(EncodingGoTime.weekdayNames[try timeOperand(args, 0, ctx).0.weekday])
            },
            Builtin("time.add_date", arity: 4) { args, ctx in
                let t = try timeOperand(args, 0, ctx).0
                let years = try args.int(1), months = try args.int(2), days = try args.int(3)
                guard let result = t.addingDate(years: years, months: months, days: days) else {
                    throw args.failure("time outside of valid range")
                }
                return try safeNanos(result, args: args)
            },
            Builtin("time.diff", arity: 2) { args, ctx in
                let t1 = try timeOperand(args, 0, ctx).0
                let t2 = try timeOperand(args, 1, ctx).0
                return .array(diff(t1, t2.inZone(t1.zone)).map { .int($0) })
            },
        ]
    }

    static func parse(layout: String, value: String, args: BuiltinArgs) throws -> EncodingGoTime {
        do {
            return try EncodingGoTimeParser.parse(layout: layout, value: value)
        } catch let error as EncodingGoTimeParser.ParseError {
            throw args.failure(error.description)
        }
    }

    static func safeNanos(_ t: EncodingGoTime, args: BuiltinArgs) throws -> Value {
        guard let ns = t.unixNanos else { throw args.failure("time outside of valid range") }
        return .int(Int(ns))
    }

    /// OPA's tzTime: `ns`, `[ns]`, `[ns, tz]` or `[ns, tz, layout]`.
    static func timeOperand(_ args: BuiltinArgs, _ i: Int, _ ctx: BuiltinContext) throws -> (EncodingGoTime, String) {
        let expected = "either number (ns) or [number (ns), string (tz)]"
        var zone = EncodingGoZone.utc
        var layout = ""
        let number: Number
        switch args[i] {
        case .number(let n):
            number = n
        case .array(let items):
            guard let first = items.first else {
                throw BuiltinError(.type, "\(args.name): operand 1 must be \(expected) but got array")
            }
            guard case .number(let n) = first else {
                throw BuiltinError(.type, "\(args.name): operand 1 must be number but got \(first.typeName)")
            }
            number = n
            if items.count > 1 {
                guard case .string(let name) = items[1] else {
                    throw BuiltinError(.type, "\(args.name): operand 1 must be string but got \(items[1].typeName)")
                }
                zone = try loadZone(name, args: args, ctx: ctx)
            }
            if items.count > 2 {
                guard case .string(let l) = items[2] else {
                    throw BuiltinError(.type, "\(args.name): operand 1 must be string but got \(items[2].typeName)")
                }
                layout = l
            }
        default:
            throw BuiltinError(.type, "\(args.name): operand 1 must be \(expected) but got \(args[i].typeName)")
        }
        guard let ns = exactInt64(number) else { throw args.failure("timestamp too big") }
        return (EncodingGoTime(unixNanos: ns, zone: zone), layout)
    }

    private static func exactInt64(_ n: Number) -> Int64? {
        switch n.storage {
        case .int(let i): return Int64(i)
        case .big: return nil
        case .float(let d, _):
            guard d.isFinite, d.rounded(.towardZero) == d, d >= -9.223372036854775808e18, d < 9.223372036854775808e18 else {
                return nil
            }
            return Int64(d)
        }
    }

    static func loadZone(_ name: String, args: BuiltinArgs, ctx: BuiltinContext) throws -> EncodingGoZone {
        let result: Result<EncodingGoZone, EncodingGoZone.LoadError> = ctx.memoized("encoding.time.zone:" + name) {
            do { return .success(try EncodingGoZone.load(name)) } catch let e as EncodingGoZone.LoadError {
                return .failure(e)
            } catch {
                return .failure(EncodingGoZone.LoadError(message: "unknown time zone " + name))
            }
        }
        switch result {
        case .success(let zone): return zone
        case .failure(let error): throw args.failure(error.message)
        }
    }

    /// The calendar difference between two instants (icza/gox's algorithm, as OPA uses).
    static func diff(_ a: EncodingGoTime, _ b: EncodingGoTime) -> [Int] {
        var (t1, t2) = (a, b)
        if (t1.unix, t1.nanos) > (t2.unix, t2.nanos) { swap(&t1, &t2) }
        let (y1, m1, d1) = t1.date, (y2, m2, d2) = t2.date
        let (h1, mi1, s1) = t1.clock, (h2, mi2, s2) = t2.clock
        var year = Int(y2 - y1), month = m2 - m1, day = d2 - d1
        var hour = h2 - h1, minute = mi2 - mi1, second = s2 - s1
        if second < 0 { second += 60; minute -= 1 }
        if minute < 0 { minute += 60; hour -= 1 }
        if hour < 0 { hour += 24; day -= 1 }
        if day < 0 { day += EncodingGoCalendar.daysIn(month: m1, year: y1); month -= 1 }
        if month < 0 { month += 12; year -= 1 }
        return [year, month, day, hour, minute, second]
    }
}
