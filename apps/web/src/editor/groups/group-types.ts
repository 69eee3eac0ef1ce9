import type { Journey } from '@waymark/core';

/** One change of a group's copy, in words (what the API's merge summary lists). */
export interface MergeLine {
  readonly change: string;
  readonly version: number;
}

/** What merging a group's copy would do (`GET …/group-merge`) or did (`POST`). */
export interface MergeSummary {
  readonly group: string;
  readonly copy: { readonly id: string; readonly version: number; readonly title: string };
  readonly into: { readonly id: string; readonly version: number; readonly title: string };
  readonly added: readonly MergeLine[];
  readonly changed: readonly MergeLine[];
  readonly removed: readonly MergeLine[];
  readonly skipped: ReadonlyArray<MergeLine & { readonly reason: string }>;
  readonly renamed: ReadonlyArray<{ readonly from: string; readonly to: string }>;
}

export interface MergeResult extends MergeSummary {
  readonly version: number;
  readonly journey: Journey;
  readonly merged: boolean;
  readonly copyDeleted: boolean;
}

export interface GroupCopy {
  readonly id: string;
  readonly version: number;
  readonly journey: Journey;
  readonly copyOf: { readonly id: string; readonly version: number };
  readonly group: string;
}
