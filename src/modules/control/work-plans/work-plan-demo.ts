import { and, asc, eq } from 'drizzle-orm';
import { staff } from '../../../platform/auth/auth-schema.ts';
import type { DemoDataContext } from '../../../platform/composition/app-module.ts';
import { DomainError } from '../../../platform/http/errors.ts';
import { carriedPractices } from './work-plan-reads.ts';
import type { WorkPlanActor } from './work-plan-rules.ts';
import { controlWorkPlans } from './work-plan-schema.ts';
import { createWorkPlan, saveRow, transitionWorkPlan } from './work-plan-service.ts';

/**
 * A demo unit work plan for a fresh `npm start` (`DEMO_DATA`): the road maintenance office's (the demo staff's
 * unit) plan for 2012, the year of the bureau's plan the seed loads, taken through the real steps — its unit
 * editor writes two methods on practices the plan gives the unit, submits; its head approves; the
 * secretariat accepts and publishes. So `/work-plans/2012` links a unit's plan, and the public pages bench
 * measures `/work-plans/:year/:unit`. The steps are taken by the unit's first active editor and head and the
 * first secretariat member (the demo staff on a fresh start); without them it writes nothing. From several
 * processes at once, the plan's one-per-unit-and-year constraint lets one of them write it.
 */

const year = 2012;
const unitCode = 'road-maintenance';

const methods = [
  {
    method: '道路坑洞通報後 24 小時內完成修補，並以簡訊或電子郵件回報通報人',
    targets: [
      ['坑洞 24 小時內修補率', '%', '85', '95'],
      ['通報人回報率', '%', '60', '90'],
    ],
  },
  {
    method: '每月電話禮貌測試，結果於科務會議檢討並回饋承辦人',
    targets: [['電話禮貌測試平均分數', '分', '80', '90']],
  },
] as const;

async function demoActor(
  db: DemoDataContext['db'],
  role: 'unit_editor' | 'unit_head' | 'secretariat',
): Promise<WorkPlanActor | null> {
  const [member] = await db
    .select({
      id: staff.id,
      email: staff.email,
      displayName: staff.displayName,
      role: staff.role,
      unitCode: staff.unitCode,
    })
    .from(staff)
    .where(
      and(
        eq(staff.role, role),
        eq(staff.isActive, true),
        ...(role === 'secretariat' ? [] : [eq(staff.unitCode, unitCode)]),
      ),
    )
    .orderBy(asc(staff.email))
    .limit(1);
  return member === undefined ? null : { ...member, role };
}

/** Writes the demo work plan unless the unit has one for the year; returns how many it wrote (0 or 1). */
export async function seedDemoWorkPlan(context: DemoDataContext): Promise<number> {
  const { db, clock } = context;
  const [existing] = await db
    .select({ id: controlWorkPlans.id })
    .from(controlWorkPlans)
    .where(and(eq(controlWorkPlans.year, year), eq(controlWorkPlans.unitCode, unitCode)));
  if (existing !== undefined) return 0;
  const [editor, head, secretariat] = await Promise.all([
    demoActor(db, 'unit_editor'),
    demoActor(db, 'unit_head'),
    demoActor(db, 'secretariat'),
  ]);
  const practices = await carriedPractices(db, year, unitCode);
  if (editor === null || head === null || secretariat === null || practices === null) return 0;
  const as = (member: WorkPlanActor) => ({ staff: member, now: clock.now(), lang: 'zh-TW' as const });
  let version: number;
  try {
    ({ version } = await createWorkPlan(db, year, as(editor)));
  } catch (error) {
    // Another process started it a moment ago.
    if (error instanceof DomainError && error.code === 'CONFLICT') return 0;
    throw error;
  }
  for (const [index, entry] of methods.entries()) {
    const practice = practices.carried[index] ?? practices.carried[0];
    ({ version } = await saveRow(
      db,
      {
        year,
        unitCode,
        rowId: null,
        version,
        form: {
          itemText: '一、提升服務品質，深化服務績效',
          focusText: index === 0 ? '縮短處理時間，主動回報' : '提升服務禮儀',
          methodText: entry.method,
          remarks: '每季檢討',
          practiceIds: practice === undefined ? [] : [practice.id],
          targets: entry.targets.map(([indicator, unitOfMeasure, baseline, target]) => ({
            indicator,
            unitOfMeasure,
            baseline,
            target,
            measurement: '每月統計',
          })),
        },
      },
      as(editor),
    ));
  }
  const steps = [
    ['submit', editor],
    ['approve', head],
    ['accept', secretariat],
    ['publish', secretariat],
  ] as const;
  for (const [action, member] of steps)
    ({ version } = await transitionWorkPlan(db, { year, unitCode, version, action }, as(member)));
  return 1;
}
