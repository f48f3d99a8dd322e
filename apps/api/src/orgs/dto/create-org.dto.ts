import { ORG_KINDS, type OrgKind } from '@hearth/contracts';
import { IsId, IsName, IsOneOf } from '../../common/validation.js';

export class CreateOrgDto {
  @IsName('name', 200) name: string;
  @IsOneOf(ORG_KINDS, 'kind') kind: OrgKind;
  @IsId('parentId') parentId: string;
}
