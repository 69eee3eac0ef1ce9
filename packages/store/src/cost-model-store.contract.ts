import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Stores } from './open-store';
import type { UserId, WorkspaceId } from './records';

export interface CostModelFixture {
  readonly stores: Stores;
  dispose(): Promise<void>;
}

const w1 = 'w1' as WorkspaceId;
const w2 = 'w2' as WorkspaceId;
const ann = 'ann' as UserId;
const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000).toISOString();
const lines = [
  { scope: 'channel', key: 'telephone', method: 'built-up', staffMinutes: 7.5, annualSalary: 26000 },
  { scope: 'activity', key: 'Re-key a form', method: 'direct', unitCost: 0.56 },
];

/** The behaviour every CostModelStore must have; registered once per database, each test on a fresh one. */
export function costModelStoreContract(open: () => Promise<CostModelFixture>): void {
  let fixture: CostModelFixture;
  let s: Stores;
  beforeEach(async () => {
    // Given: ann owns workspaces w1 and w2.
    fixture = await open();
    s = fixture.stores;
    await s.accounts.createUser({ id: ann, email: 'ann@example.org', name: 'Ann', at: at(0) });
    await s.accounts.createWorkspace({ id: w1, name: 'Council', ownerId: ann, at: at(0) });
    await s.accounts.createWorkspace({ id: w2, name: 'Other', ownerId: ann, at: at(0) });
  });
  afterEach(() => fixture.dispose());

  it('keeps a workspace’s models with their lines whole, replaces one by id, and shows none to another workspace', async () => {
    const put = await s.costs.putCostModel({
      workspaceId: w1,
      id: 'm1',
      name: 'Melton 2026',
      priceYear: '2026-27',
      lines,
      by: ann,
      at: at(1),
    });
    expect(put.ok).toBe(true);
    await s.costs.putCostModel({
      workspaceId: w1,
      id: 'm2',
      name: 'agency rates',
      priceYear: '2024',
      lines: [],
      by: ann,
      at: at(1),
    });
    expect((await s.costs.listCostModels(w1)).map((m) => m.name)).toEqual(['agency rates', 'Melton 2026']);
    expect(await s.costs.getCostModel(w1, 'm1')).toMatchObject({
      name: 'Melton 2026',
      priceYear: '2026-27',
      lines,
      updatedBy: ann,
    });
    await s.costs.putCostModel({
      workspaceId: w1,
      id: 'm1',
      name: 'Melton 2027',
      priceYear: '2027-28',
      lines: lines.slice(1),
      by: null,
      at: at(2),
    });
    expect(await s.costs.getCostModel(w1, 'm1')).toMatchObject({
      name: 'Melton 2027',
      lines: lines.slice(1),
      updatedBy: null,
    });
    expect(await s.costs.listCostModels(w2)).toEqual([]);
    expect(await s.costs.getCostModel(w2, 'm1')).toBeNull();
    const missing = await s.costs.putCostModel({
      workspaceId: 'nope' as WorkspaceId,
      id: 'm',
      name: 'x',
      priceYear: '2024',
      lines: [],
      by: null,
      at: at(1),
    });
    expect(missing.ok ? '' : missing.error.code).toBe('workspace_not_found');
  });

  it('keeps the workspace default, and forgets it when its model is deleted', async () => {
    await s.costs.putCostModel({
      workspaceId: w1,
      id: 'm1',
      name: 'Melton',
      priceYear: '2024',
      lines,
      by: ann,
      at: at(1),
    });
    expect(await s.costs.getCostDefault(w1)).toBeNull();
    await s.costs.setCostDefault(w1, { modelId: 'm1', priceYear: null }, ann, at(2));
    await s.costs.setCostDefault(w2, { modelId: 'socitm-2011', priceYear: '2024' }, ann, at(2));
    expect(await s.costs.getCostDefault(w1)).toEqual({ modelId: 'm1', priceYear: null });
    expect(await s.costs.deleteCostModel(w1, 'm1')).toBe(true);
    expect(await s.costs.deleteCostModel(w1, 'm1')).toBe(false);
    expect(await s.costs.getCostDefault(w1)).toBeNull();
    expect(await s.costs.getCostDefault(w2)).toEqual({ modelId: 'socitm-2011', priceYear: '2024' });
    await s.costs.setCostDefault(w2, null, ann, at(3));
    expect(await s.costs.getCostDefault(w2)).toBeNull();
  });

  it('keeps one loaded deflator series for the instance, replaced whole or removed', async () => {
    expect(await s.costs.getDeflator()).toBeNull();
    const series = { id: 'loaded-2026-09', index: { '2024-25': 100, '2025-26': 103.1 } };
    await s.costs.setDeflator(series, ann, at(1));
    expect(await s.costs.getDeflator()).toEqual({ series, loadedAt: at(1), loadedBy: ann });
    await s.costs.setDeflator({ ...series, id: 'newer' }, null, at(2));
    expect(await s.costs.getDeflator()).toMatchObject({ series: { id: 'newer' }, loadedBy: null });
    await s.costs.setDeflator(null, ann, at(3));
    expect(await s.costs.getDeflator()).toBeNull();
  });

  it('goes with its workspace', async () => {
    await s.costs.putCostModel({
      workspaceId: w2,
      id: 'm1',
      name: 'Melton',
      priceYear: '2024',
      lines,
      by: ann,
      at: at(1),
    });
    await s.costs.setCostDefault(w2, { modelId: 'm1', priceYear: null }, ann, at(2));
    expect(await s.retention.deleteWorkspace(w2)).not.toBeNull();
    expect(await s.costs.listCostModels(w2)).toEqual([]);
    expect(await s.costs.getCostDefault(w2)).toBeNull();
  });
}
