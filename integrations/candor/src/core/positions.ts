/** Source offsets to 1-based lines and columns (columns count UTF-16 units, as editors do). */
export class LineIndex {
	private readonly starts: number[] = [0];

	constructor(private readonly source: string) {
		for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) this.starts.push(i + 1);
	}

	position(offset: number): { line: number; column: number } {
		const at = Math.max(0, Math.min(offset, this.source.length));
		let low = 0;
		let high = this.starts.length - 1;
		while (low < high) {
			const mid = (low + high + 1) >> 1;
			if (this.starts[mid]! <= at) low = mid;
			else high = mid - 1;
		}
		return { line: low + 1, column: at - this.starts[low]! + 1 };
	}

	range(start: number, end: number) {
		const from = this.position(start);
		const to = this.position(Math.max(start, end));
		return { line: from.line, column: from.column, endLine: to.line, endColumn: to.column };
	}

	get lineCount(): number {
		return this.starts.length;
	}

	lineText(line: number): string {
		const from = this.starts[line - 1] ?? this.source.length;
		const to = this.starts[line] ?? this.source.length;
		return this.source.slice(from, to).replace(/\r?\n$/, '');
	}
}
