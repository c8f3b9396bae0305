import type { HTMLAttributes, Key, ReactNode } from "react";

/** Attributes a row or cell may carry besides its class: data-testid and other data-*, aria-*, role, handlers. */
type Attrs<E> = Omit<HTMLAttributes<E>, "className" | "children"> & { [data: `data-${string}`]: string | undefined };

export interface Column<T> {
  /** React key of the column; defaults to its position. */
  key?: string;
  /** Header content; none gives an empty header cell. */
  header?: ReactNode;
  cell: (row: T, index: number) => ReactNode;
  align?: "start" | "center" | "end";
  /** Extra classes for the body cells, fixed or per row. */
  className?: string | ((row: T) => string | undefined);
  headerClassName?: string;
  /** Attributes of each body cell, such as a data-testid the tests look for inside a row. */
  cellProps?: Attrs<HTMLTableCellElement>;
}

export interface DataTableProps<T> {
  /** `false`/`null` entries are skipped, so a column can be shown on a condition: `canOperate && { … }`. */
  columns: readonly (Column<T> | false | null | undefined)[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => Key;
  /** Attributes of each body row: data-testid, aria-*, onClick… */
  rowProps?: (row: T, index: number) => Attrs<HTMLTableRowElement>;
  /** Extra classes of each body row, e.g. `align-top` or a highlight. */
  rowClassName?: string | ((row: T, index: number) => string | undefined);
  /** The line between rows; `false` for rows whose background sets them apart. */
  rowBorders?: boolean;
  /** `page`: a table standing on its own (white, roomier); `panel`: a table inside a white panel (tighter, lines above rows). */
  variant?: "page" | "panel";
  /** Shown in one full-width row when `rows` is empty; nothing when it is undefined or false (e.g. while loading). */
  empty?: ReactNode;
  caption?: ReactNode;
  "aria-label"?: string;
  "data-testid"?: string;
}

const VARIANTS = {
  page: { table: "w-full border-collapse bg-white text-sm", head: "border-b text-start text-slate-500", cell: "p-2", row: "border-b" },
  panel: { table: "w-full text-sm", head: "text-start text-slate-500", cell: "p-1", row: "border-t" },
} as const;

// Logical sides: a right-to-left language mirrors the tables.
const ALIGN = { start: "text-start", center: "text-center", end: "text-end" } as const;

const cx = (...c: (string | false | null | undefined)[]) => c.filter(Boolean).join(" ");

/** The admin and supervision tables: columns with a header and a cell renderer each, one row per item. */
export function DataTable<T>({
  columns,
  rows,
  rowKey,
  rowProps,
  rowClassName,
  rowBorders = true,
  variant = "page",
  empty,
  caption,
  "aria-label": ariaLabel,
  "data-testid": testId,
}: DataTableProps<T>) {
  const v = VARIANTS[variant];
  const cols = columns.filter((c): c is Column<T> => Boolean(c));
  return (
    <table className={v.table} aria-label={ariaLabel} data-testid={testId}>
      {caption !== undefined && <caption>{caption}</caption>}
      <thead>
        <tr className={v.head}>
          {cols.map((c, i) => (
            <th key={c.key ?? i} className={cx(v.cell, c.align && ALIGN[c.align], c.headerClassName)}>
              {c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, r) => (
          <tr
            key={rowKey(row, r)}
            {...rowProps?.(row, r)}
            className={cx(rowBorders && v.row, typeof rowClassName === "function" ? rowClassName(row, r) : rowClassName) || undefined}
          >
            {cols.map((c, i) => (
              <td
                key={c.key ?? i}
                {...c.cellProps}
                className={cx(v.cell, c.align && ALIGN[c.align], typeof c.className === "function" ? c.className(row) : c.className)}
              >
                {c.cell(row, r)}
              </td>
            ))}
          </tr>
        ))}
        {rows.length === 0 && empty != null && empty !== false && (
          <tr>
            <td colSpan={cols.length} className={cx(v.cell, "text-slate-500")}>
              {empty}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
